-- Drop nick, in an expand revision
--
-- Revision ID: b2
-- Revises: a1

-- migrate:upgrade
ALTER TABLE users DROP COLUMN nick;

-- migrate:downgrade
ALTER TABLE users ADD COLUMN nick varchar(50);
