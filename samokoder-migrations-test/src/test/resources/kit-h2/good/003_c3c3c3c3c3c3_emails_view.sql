-- Emails view
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: a1a1a1a1a1a1
-- Branch Labels: reporting

-- migrate:upgrade
CREATE VIEW user_emails AS SELECT id, email FROM users;
CREATE UNIQUE INDEX ix_users_email ON users (email);

-- migrate:downgrade
DROP INDEX ix_users_email;
DROP VIEW user_emails;
