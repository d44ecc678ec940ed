-- Accounts, a view of them, invoice numbers and a count
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE accounts (id int PRIMARY KEY, tenant text NOT NULL);
CREATE VIEW account_tenants AS SELECT id, tenant FROM accounts;
CREATE SEQUENCE invoice_numbers;
CREATE FUNCTION account_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM accounts';

-- migrate:downgrade
DROP FUNCTION account_count();
DROP SEQUENCE invoice_numbers;
DROP VIEW account_tenants;
DROP TABLE accounts;
