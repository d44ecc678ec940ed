-- The reader role reads accounts and their view
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
GRANT SELECT, UPDATE ON accounts TO samokoder_kit_reader;
GRANT SELECT ON account_tenants TO samokoder_kit_reader;

-- migrate:downgrade
REVOKE SELECT ON account_tenants FROM samokoder_kit_reader;
REVOKE SELECT, UPDATE ON accounts FROM samokoder_kit_reader;
