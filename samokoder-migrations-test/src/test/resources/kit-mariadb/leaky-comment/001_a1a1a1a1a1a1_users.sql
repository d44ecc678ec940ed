-- Users
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE users (id int PRIMARY KEY, email varchar(255)) COMMENT 'People';

-- migrate:downgrade
DROP TABLE users;
