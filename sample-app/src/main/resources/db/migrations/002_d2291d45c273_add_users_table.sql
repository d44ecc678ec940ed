-- Add users table
--
-- Revision ID: d2291d45c273
-- Revises: 5577ef20e9ff
-- Create Date: 2026-11-29 09:10:00

-- migrate:upgrade
CREATE TABLE users (
    id            uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    email         varchar(255) NOT NULL,
    password_hash varchar(255) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ix_users_email ON users (email);
CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- migrate:downgrade
DROP TRIGGER users_set_updated_at ON users;
DROP INDEX ix_users_email;
DROP TABLE users;
