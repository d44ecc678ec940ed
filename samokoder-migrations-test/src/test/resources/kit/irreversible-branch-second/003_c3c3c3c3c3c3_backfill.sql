-- Backfill
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
UPDATE users SET email = lower(email);
