-- Users
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE users (id int PRIMARY KEY, email varchar(255));
COMMENT ON TABLE users IS 'People';

-- migrate:downgrade
DROP TABLE users;
