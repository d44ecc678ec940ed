-- Add projects table
--
-- Revision ID: 51559673f1ef
-- Revises: d2291d45c273
-- Create Date: 2026-11-29 09:20:00

-- migrate:upgrade
CREATE TABLE projects (
    id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    name        varchar(255) NOT NULL,
    description text,
    user_id     uuid         NOT NULL,
    status      varchar(50)  NOT NULL DEFAULT 'active',
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT fk_projects_user_id FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_projects_user_id ON projects (user_id);
CREATE TRIGGER projects_set_updated_at BEFORE UPDATE ON projects
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- migrate:downgrade
DROP TABLE projects;
