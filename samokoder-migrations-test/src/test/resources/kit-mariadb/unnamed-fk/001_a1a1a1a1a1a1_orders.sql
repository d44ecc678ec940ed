-- Orders with two foreign keys that have no name: MariaDB numbers them in the order they are declared
--
-- Revision ID: a1a1a1a1a1a1
-- Revises: 

-- migrate:upgrade
CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE orders (
    id          int PRIMARY KEY,
    user_id     int,
    reviewer_id int,
    FOREIGN KEY (user_id) REFERENCES users (id),
    FOREIGN KEY (reviewer_id) REFERENCES users (id)
);

-- migrate:downgrade
DROP TABLE orders;
DROP TABLE users;
