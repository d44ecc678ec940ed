-- A third mood; the downgrade leaves another one in its place
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
ALTER TABLE users ALTER COLUMN mood SET DATA TYPE ENUM('happy', 'sad', 'meh');

-- migrate:downgrade
ALTER TABLE users ALTER COLUMN mood SET DATA TYPE ENUM('happy', 'sad', 'ok');
