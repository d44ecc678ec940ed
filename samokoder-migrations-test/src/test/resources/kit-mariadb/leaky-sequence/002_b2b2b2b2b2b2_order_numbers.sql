-- Order numbers; the downgrade drops the wrong sequence
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
CREATE SEQUENCE order_numbers START WITH 100;

-- migrate:downgrade
DROP SEQUENCE IF EXISTS invoice_numbers;
