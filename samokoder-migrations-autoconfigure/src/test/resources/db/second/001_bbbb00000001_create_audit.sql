-- Create audit
--
-- Revision ID: bbbb00000001
-- Revises:

-- migrate:upgrade
CREATE TABLE audit (id bigint PRIMARY KEY);

-- migrate:downgrade
DROP TABLE audit;
