-- Expired sessions purged every hour; the downgrade forgets the event
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
CREATE EVENT purge_sessions ON SCHEDULE EVERY 1 HOUR DO DELETE FROM sessions WHERE expires_at < NOW();

-- migrate:downgrade
SELECT 1;
