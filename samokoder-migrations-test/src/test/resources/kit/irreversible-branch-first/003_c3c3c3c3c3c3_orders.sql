-- Orders
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
CREATE TABLE orders (id int PRIMARY KEY);

-- migrate:downgrade
DROP TABLE orders;
