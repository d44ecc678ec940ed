-- Widgets, named by the environment
--
-- Revision ID: p1
-- Revises:
-- Create Date: 2026-12-07 00:00:00

-- migrate:upgrade
CREATE TABLE ${table} (id INT PRIMARY KEY, owner VARCHAR(40) DEFAULT '${owner}');

-- migrate:downgrade
DROP TABLE ${table};
