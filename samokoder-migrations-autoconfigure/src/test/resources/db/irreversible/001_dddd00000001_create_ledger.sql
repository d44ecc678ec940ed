-- Create ledger (cannot be undone: no downgrade part)
--
-- Revision ID: dddd00000001
-- Revises:
-- Create Date: 2026-12-04 06:00:00

-- migrate:upgrade
CREATE TABLE ledger (id bigint PRIMARY KEY);
