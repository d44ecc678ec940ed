-- Order numbers in steps of ten, up to a million
--
-- Revision ID: f6f6f6f6f6f6
-- Revises: e5e5e5e5e5e5

-- migrate:upgrade
SELECT NEXTVAL(order_numbers);
ALTER SEQUENCE order_numbers INCREMENT BY 10 MAXVALUE 1000000;

-- migrate:downgrade
ALTER SEQUENCE order_numbers INCREMENT BY 1 NO MAXVALUE;
