-- Expired sessions purged every ten minutes
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: b2b2b2b2b2b2

-- migrate:upgrade
ALTER EVENT purge_sessions ON SCHEDULE EVERY 10 MINUTE;

-- migrate:downgrade
ALTER EVENT purge_sessions ON SCHEDULE EVERY 1 HOUR;
