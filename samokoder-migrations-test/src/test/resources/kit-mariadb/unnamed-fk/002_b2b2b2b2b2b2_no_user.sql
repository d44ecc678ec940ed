-- Orders without their user; the downgrade declares the keys in the other order, so their numbers swap
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
DROP TABLE orders;
CREATE TABLE orders (
    id          int PRIMARY KEY,
    reviewer_id int,
    FOREIGN KEY (reviewer_id) REFERENCES users (id)
);

-- migrate:downgrade
DROP TABLE orders;
CREATE TABLE orders (
    id          int PRIMARY KEY,
    user_id     int,
    reviewer_id int,
    FOREIGN KEY (reviewer_id) REFERENCES users (id),
    FOREIGN KEY (user_id) REFERENCES users (id)
);
