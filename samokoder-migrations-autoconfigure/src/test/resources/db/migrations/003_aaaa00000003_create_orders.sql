-- Create orders
--
-- Revision ID: aaaa00000003
-- Revises: aaaa00000002

-- migrate:upgrade
CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id));

-- migrate:downgrade
DROP TABLE orders;
