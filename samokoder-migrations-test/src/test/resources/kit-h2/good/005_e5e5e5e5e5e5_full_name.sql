-- Full name
--
-- Revision ID: e5e5e5e5e5e5
-- Revises: d4d4d4d4d4d4

-- migrate:upgrade
ALTER TABLE users ADD COLUMN full_name varchar(200);
UPDATE users SET full_name = email;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN full_name;
