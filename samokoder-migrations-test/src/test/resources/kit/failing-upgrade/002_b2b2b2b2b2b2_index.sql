-- Index
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
CREATE INDEX ix_users_name ON users (name);

-- migrate:downgrade
DROP INDEX ix_users_name;
