-- Users by id, replaced whenever this file changes
CREATE OR REPLACE VIEW user_ids AS SELECT id FROM users;
