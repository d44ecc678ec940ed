-- Two
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
ALTER TABLE users ADD COLUMN b int;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN b;
