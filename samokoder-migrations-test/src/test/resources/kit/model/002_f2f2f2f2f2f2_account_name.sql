-- Account name
--
-- Revision ID: f2f2f2f2f2f2
-- Revises: f1f1f1f1f1f1

-- migrate:upgrade
ALTER TABLE accounts ADD COLUMN name text;
CREATE INDEX ix_accounts_name ON accounts (name);

-- migrate:downgrade
DROP INDEX ix_accounts_name;
ALTER TABLE accounts DROP COLUMN name;
