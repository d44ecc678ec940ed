-- Order numbers in steps of ten, up to a million; the downgrade forgets the limit
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
ALTER SEQUENCE order_numbers INCREMENT BY 10 MAXVALUE 1000000;

-- migrate:downgrade
ALTER SEQUENCE order_numbers INCREMENT BY 1;
