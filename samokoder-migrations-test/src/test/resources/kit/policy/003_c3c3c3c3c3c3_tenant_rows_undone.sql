-- Each tenant sees its own rows, undone properly
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows_too ON accounts FOR SELECT USING (tenant = current_user);

-- migrate:downgrade
DROP POLICY tenant_rows_too ON accounts;
ALTER TABLE accounts DISABLE ROW LEVEL SECURITY;
