-- Allow only known project statuses
--
-- Revision ID: 253890d33616
-- Revises: 51559673f1ef
-- Create Date: 2026-11-29 09:35:00
-- Branch Labels: reporting

-- migrate:upgrade
ALTER TABLE projects ADD CONSTRAINT ck_projects_status
    CHECK (status IN ('active', 'paused', 'archived'));

-- migrate:downgrade
ALTER TABLE projects DROP CONSTRAINT ck_projects_status;
