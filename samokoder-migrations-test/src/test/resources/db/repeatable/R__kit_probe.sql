-- At the default location, so that every check of this module's tests meets a repeatable script: the
-- revisions' checks must leave it out, and assertAll applies it on top of each set of revisions.
CREATE OR REPLACE VIEW samokoder_kit_probe AS SELECT 1 AS one;
