-- Email default
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
ALTER TABLE users ALTER COLUMN email SET DEFAULT 'nobody@example.com';
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;

-- migrate:downgrade
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
