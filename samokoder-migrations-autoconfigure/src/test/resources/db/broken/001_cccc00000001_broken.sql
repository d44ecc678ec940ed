-- Broken revision
--
-- Revision ID: cccc00000001
-- Revises:

-- migrate:upgrade
CREATE TABLE fine (id int);
SELECT no_such_column FROM fine;

-- migrate:downgrade
DROP TABLE fine;
