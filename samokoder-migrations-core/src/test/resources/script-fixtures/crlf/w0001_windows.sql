-- Windows file
-- Revision ID: w0001
-- Revises:

-- migrate:upgrade
CREATE TABLE w (id int);
INSERT INTO w VALUES (1);

-- migrate:downgrade
DROP TABLE w;
