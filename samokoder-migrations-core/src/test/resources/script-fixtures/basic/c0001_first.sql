-- First revision
-- Revision ID: c0001
-- Revises:

-- migrate:upgrade
CREATE TABLE first (id int);

-- migrate:downgrade
DROP TABLE first;
