-- Users and orders
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE orders (id int PRIMARY KEY, user_id int);

-- migrate:downgrade
DROP TABLE orders;
DROP TABLE users;
