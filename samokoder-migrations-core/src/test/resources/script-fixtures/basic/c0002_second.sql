-- Second revision
-- Revision ID: c0002
-- Revises: c0001
-- Transactional: false

-- migrate:upgrade
CREATE INDEX CONCURRENTLY ix_first ON first (id);
