-- A table named by the environment
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE ${table} (id int PRIMARY KEY, owner varchar(40) DEFAULT '${owner}');

-- migrate:downgrade
DROP TABLE ${table};
