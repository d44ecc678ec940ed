-- The reader role reads accounts; the downgrade forgets to revoke it
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
GRANT SELECT ON accounts TO samokoder_kit_reader;

-- migrate:downgrade
SELECT 1;
