-- A cap on prices; the downgrade restores the other table's check instead
--
-- Revision ID: c2c2c2c2c2c2
-- Revises: c1c1c1c1c1c1

-- migrate:upgrade
ALTER TABLE prices DROP CONSTRAINT positive;
ALTER TABLE prices ADD CONSTRAINT positive CHECK (cents >= 0 AND cents < 1000000);

-- migrate:downgrade
ALTER TABLE prices DROP CONSTRAINT positive;
ALTER TABLE prices ADD CONSTRAINT positive CHECK (cents > 0);
