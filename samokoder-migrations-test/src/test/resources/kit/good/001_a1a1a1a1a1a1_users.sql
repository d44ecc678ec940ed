-- Users
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE users (
    id    serial       PRIMARY KEY,
    email varchar(255) NOT NULL,
    mood  mood
);

-- migrate:downgrade
DROP TABLE users;
DROP TYPE mood;
