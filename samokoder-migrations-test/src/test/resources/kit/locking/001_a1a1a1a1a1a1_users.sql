-- Users
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE users (id int PRIMARY KEY, email varchar(255) NOT NULL, team int);
CREATE INDEX ix_users_email ON users (email);

-- migrate:downgrade
DROP TABLE users;
