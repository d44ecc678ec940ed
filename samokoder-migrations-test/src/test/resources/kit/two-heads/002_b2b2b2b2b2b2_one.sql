-- One
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
ALTER TABLE users ADD COLUMN a int;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN a;
