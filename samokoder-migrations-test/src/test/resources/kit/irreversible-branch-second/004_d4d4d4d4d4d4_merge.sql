-- Merge
--
-- Revision ID: d4d4d4d4d4d4
-- Revises: b2b2b2b2b2b2, c3c3c3c3c3c3

-- migrate:upgrade
CREATE TABLE audit (id int PRIMARY KEY);

-- migrate:downgrade
DROP TABLE audit;
