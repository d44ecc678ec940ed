-- User status
--
-- Revision ID: 3f2a9c1b7d4e
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
CREATE TYPE user_status AS ENUM ('active', 'blocked');
ALTER TABLE users ADD COLUMN status user_status NOT NULL DEFAULT 'active';
ALTER TABLE users ALTER COLUMN email SET DEFAULT '';
CREATE UNIQUE INDEX ix_users_email ON users (email);
CREATE VIEW active_users AS SELECT id, email FROM users WHERE status = 'active';

-- migrate:downgrade
DROP VIEW active_users;
ALTER TABLE users DROP COLUMN status;
