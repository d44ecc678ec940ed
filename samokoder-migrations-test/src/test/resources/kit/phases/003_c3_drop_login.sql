-- Drop login
--
-- Revision ID: c3
-- Revises: b2
-- Phase: contract

-- migrate:upgrade
ALTER TABLE users DROP COLUMN login;

-- migrate:downgrade
ALTER TABLE users ADD COLUMN login varchar(50);
