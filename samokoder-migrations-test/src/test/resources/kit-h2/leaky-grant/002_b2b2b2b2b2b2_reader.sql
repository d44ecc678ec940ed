-- The reader role reads accounts and their view; the downgrade forgets the view
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
GRANT SELECT, UPDATE ON accounts TO samokoder_kit_reader;
GRANT SELECT ON account_tenants TO samokoder_kit_reader;

-- migrate:downgrade
REVOKE UPDATE ON accounts FROM samokoder_kit_reader;
