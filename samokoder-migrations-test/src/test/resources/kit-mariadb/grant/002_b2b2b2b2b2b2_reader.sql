-- The reader reads the database, accounts and their view, and may change a tenant
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
GRANT SHOW VIEW ON * TO 'samokoder_kit_reader'@'%';
GRANT SELECT ON accounts TO 'samokoder_kit_reader'@'%' WITH GRANT OPTION;
GRANT UPDATE (tenant) ON accounts TO 'samokoder_kit_reader'@'%';
GRANT SELECT ON account_tenants TO 'samokoder_kit_reader'@'%';

-- migrate:downgrade
REVOKE SELECT ON account_tenants FROM 'samokoder_kit_reader'@'%';
REVOKE UPDATE (tenant) ON accounts FROM 'samokoder_kit_reader'@'%';
REVOKE SELECT, GRANT OPTION ON accounts FROM 'samokoder_kit_reader'@'%';
REVOKE SHOW VIEW ON * FROM 'samokoder_kit_reader'@'%';
