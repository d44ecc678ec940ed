-- Add full name to users
--
-- Revision ID: e4e9de92086b
-- Revises: 51559673f1ef
-- Create Date: 2026-11-29 09:30:00
-- Branch Labels: profile

-- migrate:upgrade
ALTER TABLE users ADD COLUMN full_name varchar(255);

-- migrate:downgrade
ALTER TABLE users DROP COLUMN full_name;
