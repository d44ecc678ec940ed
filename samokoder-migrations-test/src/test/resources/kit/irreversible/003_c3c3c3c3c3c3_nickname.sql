-- Nickname
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: b2b2b2b2b2b2

-- migrate:upgrade
ALTER TABLE users ADD COLUMN nickname text;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN nickname;
