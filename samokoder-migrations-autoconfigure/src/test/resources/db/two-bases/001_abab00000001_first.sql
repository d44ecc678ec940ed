-- The first of two independent bases
--
-- Revision ID: abab00000001
-- Revises:
-- Branch Labels: first

-- migrate:upgrade
CREATE TABLE first_base (id int);

-- migrate:downgrade
DROP TABLE first_base;
