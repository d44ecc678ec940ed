-- Users
--
-- Revision ID: r1
-- Revises:
-- Create Date: 2026-12-07 00:00:00

-- migrate:upgrade
CREATE TABLE users (id INT PRIMARY KEY, active BOOLEAN NOT NULL);
INSERT INTO users VALUES (1, TRUE), (2, FALSE);

-- migrate:downgrade
DROP TABLE users;
