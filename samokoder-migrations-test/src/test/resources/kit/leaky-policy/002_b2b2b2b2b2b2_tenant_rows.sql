-- Each tenant sees its own rows; the downgrade forgets the policy and the switch
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON accounts USING (tenant = current_user);

-- migrate:downgrade
SELECT 1;
