-- The users who are active, replaced whenever this file changes
CREATE OR REPLACE VIEW active_users AS SELECT id FROM users WHERE active;
