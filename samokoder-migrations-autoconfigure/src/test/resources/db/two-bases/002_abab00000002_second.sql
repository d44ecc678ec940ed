-- The second of two independent bases
--
-- Revision ID: abab00000002
-- Revises:
-- Branch Labels: second

-- migrate:upgrade
CREATE TABLE second_base (id int);

-- migrate:downgrade
DROP TABLE second_base;
