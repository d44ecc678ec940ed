-- Merge, with orders
--
-- Revision ID: d4d4d4d4d4d4
-- Revises: b2b2b2b2b2b2, c3c3c3c3c3c3

-- migrate:upgrade
CREATE TABLE orders (
    id      int PRIMARY KEY,
    user_id int NOT NULL,
    total   decimal(12, 2) NOT NULL CHECK (total >= 0),
    CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE TRIGGER orders_total BEFORE INSERT ON orders FOR EACH ROW SET NEW.total = ROUND(NEW.total, 2);
CREATE SEQUENCE order_numbers START WITH 100;

-- migrate:downgrade
DROP SEQUENCE order_numbers;
DROP TABLE orders;
