-- Merge profile and reporting branches
--
-- Revision ID: 0be0e10f5cc6
-- Revises: e4e9de92086b, 253890d33616
-- Create Date: 2026-11-29 09:40:00

-- migrate:upgrade
CREATE INDEX ix_projects_status ON projects (status);

-- migrate:downgrade
DROP INDEX ix_projects_status;
