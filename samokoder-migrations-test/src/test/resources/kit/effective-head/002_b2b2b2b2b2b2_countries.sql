-- Countries, a root that users depend on
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: 

-- migrate:upgrade
CREATE TABLE countries (code char(2) PRIMARY KEY);

-- migrate:downgrade
DROP TABLE countries;
