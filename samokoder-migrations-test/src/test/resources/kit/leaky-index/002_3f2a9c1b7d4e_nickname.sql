-- Nickname
--
-- Revision ID: 3f2a9c1b7d4e
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
ALTER TABLE users ADD COLUMN nickname text;
CREATE UNIQUE INDEX ix_users_email ON users (email);

-- migrate:downgrade
ALTER TABLE users DROP COLUMN nickname;
