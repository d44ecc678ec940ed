-- Emails materialized view
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
CREATE MATERIALIZED VIEW user_emails AS SELECT id, email FROM users;
CREATE INDEX ix_user_emails ON user_emails (email);

-- migrate:downgrade
SELECT 1;
