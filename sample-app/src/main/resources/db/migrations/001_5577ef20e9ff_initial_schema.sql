-- Initial schema
--
-- Revision ID: 5577ef20e9ff
-- Revises:
-- Create Date: 2026-11-29 09:00:00

-- migrate:upgrade
-- Keeps updated_at current on every table that installs the trigger.
CREATE FUNCTION set_updated_at() RETURNS trigger AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- migrate:downgrade
DROP FUNCTION set_updated_at();
