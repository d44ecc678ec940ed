-- Indexes
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
-- the teams are few: lint: ignore is not needed for a comment like this one
CREATE INDEX ix_users_team ON users (team);
-- lint: ignore index-without-concurrently
CREATE INDEX ix_users_lower_email ON users (lower(email));

-- migrate:downgrade
DROP INDEX ix_users_lower_email;
DROP INDEX ix_users_team;
