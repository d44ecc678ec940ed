-- Nested, must not be found
-- Revision ID: c0009
-- Revises: c0002

-- migrate:upgrade
SELECT 1;
