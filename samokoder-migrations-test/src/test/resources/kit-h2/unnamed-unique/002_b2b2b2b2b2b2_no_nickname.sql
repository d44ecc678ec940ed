-- Users without nicknames; the downgrade declares the constraints in the other order, so their names differ
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
DROP TABLE users;
CREATE TABLE users (id int PRIMARY KEY, email varchar(255), UNIQUE (email));

-- migrate:downgrade
DROP TABLE users;
CREATE TABLE users (id int PRIMARY KEY, email varchar(255), nickname varchar(50), UNIQUE (nickname), UNIQUE (email));
