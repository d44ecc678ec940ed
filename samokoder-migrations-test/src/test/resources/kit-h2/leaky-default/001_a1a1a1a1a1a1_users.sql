-- Users
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE users (id int PRIMARY KEY, status varchar(20) DEFAULT 'active');

-- migrate:downgrade
DROP TABLE users;
