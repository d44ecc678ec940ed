-- Projects with their owner's e-mail, for reports. A repeatable script: edited in place, and applied again,
-- after the revisions, by the first start after it changed (README, "Repeatable scripts").
CREATE OR REPLACE VIEW project_overview AS
SELECT p.id, p.name, p.status, u.email AS owner_email
  FROM projects p
  JOIN users u ON u.id = p.user_id;
