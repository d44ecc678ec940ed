-- Status
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Branch Labels: profile

-- migrate:upgrade
ALTER TABLE users ADD COLUMN status varchar(20) NOT NULL DEFAULT 'active';

-- migrate:downgrade
ALTER TABLE users DROP COLUMN status;
