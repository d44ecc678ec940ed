-- Full name
--
-- Revision ID: e5e5e5e5e5e5
-- Revises: d4d4d4d4d4d4

-- migrate:upgrade
ALTER TABLE users ADD COLUMN full_name text;
UPDATE users SET full_name = SUBSTRING_INDEX(email, '@', 1);

-- migrate:downgrade
ALTER TABLE users DROP COLUMN full_name;
