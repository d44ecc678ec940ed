-- A revision on top of db/migrations whose second statement fails
--
-- Revision ID: ffff00000004
-- Revises: aaaa00000003

-- migrate:upgrade
CREATE TABLE fine (id int);
SELECT no_such_column FROM fine;

-- migrate:downgrade
DROP TABLE fine;
