-- Comments; the downgrade forgets them
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
ALTER TABLE users COMMENT 'People''s accounts';
ALTER TABLE users MODIFY email varchar(255) COMMENT 'Where we write';

-- migrate:downgrade
SELECT 1;
