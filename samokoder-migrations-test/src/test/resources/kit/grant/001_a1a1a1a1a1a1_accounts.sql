-- Accounts
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE accounts (id int PRIMARY KEY, tenant text NOT NULL);

-- migrate:downgrade
DROP TABLE accounts;
