-- Users
--
-- Revision ID: a1
-- Revises:

-- migrate:upgrade
CREATE TABLE users (id int PRIMARY KEY, email varchar(255), login varchar(50), nick varchar(50));

-- migrate:downgrade
DROP TABLE users;
