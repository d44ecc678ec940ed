-- The orders' user, a foreign key: MariaDB adds an index for it, which dropping the key leaves
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id);

-- migrate:downgrade
ALTER TABLE orders DROP FOREIGN KEY fk_orders_user;
