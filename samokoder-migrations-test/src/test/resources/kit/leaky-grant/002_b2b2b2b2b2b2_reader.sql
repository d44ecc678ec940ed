-- The reader role reads accounts; only it counts them; the downgrade forgets it all
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
SELECT 1;
