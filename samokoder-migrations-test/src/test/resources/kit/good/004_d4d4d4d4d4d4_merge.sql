-- Merge
--
-- Revision ID: d4d4d4d4d4d4
-- Revises: b2b2b2b2b2b2, c3c3c3c3c3c3

-- migrate:upgrade
CREATE INDEX ix_users_status ON users (status);

-- migrate:downgrade
DROP INDEX ix_users_status;
