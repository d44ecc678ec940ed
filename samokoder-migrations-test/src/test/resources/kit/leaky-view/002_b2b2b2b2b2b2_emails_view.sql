-- Emails view
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
CREATE VIEW user_emails AS SELECT id, email FROM users;
CREATE SEQUENCE invoice_numbers START 1000;

-- migrate:downgrade
DROP SEQUENCE invoice_numbers;
