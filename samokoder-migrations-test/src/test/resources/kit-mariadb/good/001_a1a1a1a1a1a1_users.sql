-- Users
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE users (
    id    int          AUTO_INCREMENT PRIMARY KEY,
    email varchar(255) NOT NULL,
    mood  ENUM('happy', 'sad')
);

-- migrate:downgrade
DROP TABLE users;
