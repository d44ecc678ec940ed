-- Create accounts
--
-- Revision ID: aaaa00000001
-- Revises:

-- migrate:upgrade
CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);

-- migrate:downgrade
DROP TABLE accounts;
