-- Orders
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
CREATE TABLE orders (id int PRIMARY KEY);

-- migrate:downgrade
DROP TABLE orders;
