-- Create visits
--
-- Revision ID: eeee00000001
-- Revises:

-- migrate:upgrade
CREATE TABLE visits (id int PRIMARY KEY, visitor varchar(100) NOT NULL);

-- migrate:downgrade
DROP TABLE visits;
