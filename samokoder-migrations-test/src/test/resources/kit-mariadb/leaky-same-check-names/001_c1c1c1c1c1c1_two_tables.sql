-- Two tables, each with a check constraint named positive
--
-- Revision ID: c1c1c1c1c1c1
-- Revises: 

-- migrate:upgrade
CREATE TABLE stock (id int PRIMARY KEY, amount int, CONSTRAINT positive CHECK (amount > 0));
CREATE TABLE prices (id int PRIMARY KEY, cents int, CONSTRAINT positive CHECK (cents >= 0));

-- migrate:downgrade
DROP TABLE prices;
DROP TABLE stock;
