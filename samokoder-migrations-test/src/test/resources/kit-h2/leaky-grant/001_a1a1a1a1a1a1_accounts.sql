-- Accounts and a view of them
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE accounts (id int PRIMARY KEY, tenant varchar(40) NOT NULL);
CREATE VIEW account_tenants AS SELECT id, tenant FROM accounts;

-- migrate:downgrade
DROP VIEW account_tenants;
DROP TABLE accounts;
