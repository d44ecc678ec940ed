-- Accounts, which the reader reads; the downgrade drops the table, and MariaDB keeps the grant
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE accounts (id int PRIMARY KEY, tenant varchar(40) NOT NULL);
GRANT SELECT ON accounts TO 'samokoder_kit_reader'@'%';

-- migrate:downgrade
DROP TABLE accounts;
