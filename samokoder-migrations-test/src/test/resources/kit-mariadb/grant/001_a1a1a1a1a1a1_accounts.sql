-- Accounts, a view of them and a count
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE accounts (id int PRIMARY KEY, tenant varchar(40) NOT NULL);
CREATE VIEW account_tenants AS SELECT id, tenant FROM accounts;
CREATE PROCEDURE account_count() SELECT count(*) FROM accounts;

-- migrate:downgrade
DROP PROCEDURE account_count;
DROP VIEW account_tenants;
DROP TABLE accounts;
