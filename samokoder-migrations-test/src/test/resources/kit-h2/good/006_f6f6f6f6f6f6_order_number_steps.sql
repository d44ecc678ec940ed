-- Order numbers in steps of ten, five cached
--
-- Revision ID: f6f6f6f6f6f6
-- Revises: e5e5e5e5e5e5

-- migrate:upgrade
SELECT NEXT VALUE FOR order_numbers;
ALTER SEQUENCE order_numbers INCREMENT BY 10 CACHE 5;

-- migrate:downgrade
ALTER SEQUENCE order_numbers INCREMENT BY 1 CACHE 32;
