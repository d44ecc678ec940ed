-- create cart
--
-- Revision ID: 3c4d5e6f7a8b
-- Revises: 2b3c4d5e6f7a

-- migrate:upgrade
CREATE TABLE cart (id int PRIMARY KEY, account_id int REFERENCES account (id));

-- migrate:downgrade
DROP TABLE cart;
