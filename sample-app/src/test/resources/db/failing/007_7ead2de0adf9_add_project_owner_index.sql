-- Add an index on a column that does not exist
--
-- Revision ID: 7ead2de0adf9
-- Revises: ae9f6fa0aca7
-- Create Date: 2026-11-29 09:50:00

-- migrate:upgrade
ALTER TABLE projects ADD COLUMN archived_at timestamptz;
CREATE INDEX ix_projects_owner ON projects (owner_id);

-- migrate:downgrade
DROP INDEX ix_projects_owner;
ALTER TABLE projects DROP COLUMN archived_at;
