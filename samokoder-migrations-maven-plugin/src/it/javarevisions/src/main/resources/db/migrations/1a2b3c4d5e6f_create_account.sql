-- create account
--
-- Revision ID: 1a2b3c4d5e6f
-- Revises: 

-- migrate:upgrade
CREATE TABLE account (id int PRIMARY KEY, name varchar(50) NOT NULL);

-- migrate:downgrade
DROP TABLE account;
