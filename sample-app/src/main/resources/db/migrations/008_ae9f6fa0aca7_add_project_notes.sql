-- add project notes
--
-- Revision ID: ae9f6fa0aca7
-- Revises: 3c8f1a9d2b7e
-- Create Date: 2026-12-04 14:26:36.201068

-- migrate:upgrade
-- Detected added table 'project_notes'
CREATE TABLE project_notes (
    id UUID NOT NULL,
    body VARCHAR(2000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    project_id UUID NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_project_notes_project_id FOREIGN KEY (project_id) REFERENCES projects (id)
);

-- Detected added index 'ix_project_notes_project_id' on '['project_id']'
CREATE INDEX ix_project_notes_project_id ON project_notes (project_id);

-- migrate:downgrade
DROP INDEX ix_project_notes_project_id;

DROP TABLE project_notes;
