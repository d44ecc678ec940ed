-- Orders
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Depends On: billing
-- migrate:upgrade
CREATE TABLE orders (id int);

-- migrate:downgrade
DROP TABLE orders;
