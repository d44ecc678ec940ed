-- Add ledger note
--
-- Revision ID: dddd00000002
-- Revises: dddd00000001
-- Create Date: 2026-12-04 06:01:00

-- migrate:upgrade
ALTER TABLE ledger ADD COLUMN note text;

-- migrate:downgrade
ALTER TABLE ledger DROP COLUMN note;
