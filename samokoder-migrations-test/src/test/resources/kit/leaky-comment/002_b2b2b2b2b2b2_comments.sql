-- Comments; the downgrade forgets them
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
COMMENT ON TABLE users IS 'People''s accounts';
COMMENT ON COLUMN users.email IS 'Where we write';

-- migrate:downgrade
SELECT 1;
