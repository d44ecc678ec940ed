-- Add email to accounts
--
-- Revision ID: aaaa00000002
-- Revises: aaaa00000001

-- migrate:upgrade
ALTER TABLE accounts ADD COLUMN email text;

-- migrate:downgrade
ALTER TABLE accounts DROP COLUMN email;
