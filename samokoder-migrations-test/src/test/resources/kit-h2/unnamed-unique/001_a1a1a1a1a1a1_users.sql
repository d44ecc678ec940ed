-- Users with unique constraints that have no name: H2 makes names up
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE users (id int PRIMARY KEY, email varchar(255), nickname varchar(50), UNIQUE (email), UNIQUE (nickname));

-- migrate:downgrade
DROP TABLE users;
