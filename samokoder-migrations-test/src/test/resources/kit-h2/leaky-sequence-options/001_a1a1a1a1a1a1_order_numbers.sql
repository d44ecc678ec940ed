-- Order numbers
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE SEQUENCE order_numbers START WITH 100;

-- migrate:downgrade
DROP SEQUENCE order_numbers;
