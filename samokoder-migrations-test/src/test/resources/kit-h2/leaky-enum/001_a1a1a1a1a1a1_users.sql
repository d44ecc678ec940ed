-- Users
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE users (id int PRIMARY KEY, mood ENUM('happy', 'sad'));

-- migrate:downgrade
DROP TABLE users;
