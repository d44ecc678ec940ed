-- A user's country
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: a1a1a1a1a1a1
-- Depends On: b2b2b2b2b2b2

-- migrate:upgrade
ALTER TABLE users ADD COLUMN country char(2) REFERENCES countries (code);

-- migrate:downgrade
ALTER TABLE users DROP COLUMN country;
