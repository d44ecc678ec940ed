-- Sessions
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE sessions (id int PRIMARY KEY, expires_at datetime NOT NULL);

-- migrate:downgrade
DROP TABLE sessions;
