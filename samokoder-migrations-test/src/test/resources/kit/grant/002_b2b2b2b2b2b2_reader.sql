-- The reader role reads accounts; only it counts them
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
GRANT SELECT ON accounts TO samokoder_kit_reader;
GRANT UPDATE (tenant) ON accounts TO samokoder_kit_reader;
GRANT SELECT ON account_tenants TO samokoder_kit_reader;
GRANT USAGE ON SEQUENCE invoice_numbers TO samokoder_kit_reader WITH GRANT OPTION;
REVOKE EXECUTE ON FUNCTION account_count() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION account_count() TO samokoder_kit_reader;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO samokoder_kit_reader;

-- migrate:downgrade
ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM samokoder_kit_reader;
REVOKE EXECUTE ON FUNCTION account_count() FROM samokoder_kit_reader;
GRANT EXECUTE ON FUNCTION account_count() TO PUBLIC;
REVOKE USAGE ON SEQUENCE invoice_numbers FROM samokoder_kit_reader;
REVOKE SELECT ON account_tenants FROM samokoder_kit_reader;
REVOKE UPDATE (tenant) ON accounts FROM samokoder_kit_reader;
REVOKE SELECT ON accounts FROM samokoder_kit_reader;
