-- The reader role reads accounts
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
GRANT SELECT ON accounts TO samokoder_kit_reader;

-- migrate:downgrade
REVOKE SELECT ON accounts FROM samokoder_kit_reader;
