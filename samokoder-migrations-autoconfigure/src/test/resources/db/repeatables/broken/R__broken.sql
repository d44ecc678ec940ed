-- Fails: users has no such column
CREATE OR REPLACE VIEW broken AS SELECT missing FROM users;
