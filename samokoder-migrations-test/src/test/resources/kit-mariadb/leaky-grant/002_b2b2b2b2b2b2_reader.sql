-- The reader reads the database, accounts and their view, may change a tenant and count them; the downgrade forgets it all
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
GRANT SHOW VIEW ON * TO 'samokoder_kit_reader'@'%';
GRANT SELECT ON accounts TO 'samokoder_kit_reader'@'%' WITH GRANT OPTION;
GRANT UPDATE (tenant) ON accounts TO 'samokoder_kit_reader'@'%';
GRANT SELECT ON account_tenants TO 'samokoder_kit_reader'@'%';
GRANT EXECUTE ON PROCEDURE account_count TO 'samokoder_kit_reader'@'%';

-- migrate:downgrade
SELECT 1;
