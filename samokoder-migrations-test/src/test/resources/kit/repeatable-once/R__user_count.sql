-- Created once: applying it again fails
CREATE OR REPLACE VIEW user_ids AS SELECT id FROM users;

CREATE VIEW user_count AS SELECT count(*) AS n FROM users;
