package io.samokoder.migrations.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChecksumTest {

    private static final String HEADER = "-- Add things\n-- Revision ID: r1\n-- Revises: r0\n\n";

    private static final String BASE = HEADER + """
            -- migrate:upgrade
            CREATE TABLE t (id int, name text DEFAULT 'a  b');
            CREATE FUNCTION f() RETURNS int AS $$
            BEGIN
              RETURN 1; -- one
            END;
            $$ LANGUAGE plpgsql;

            -- migrate:downgrade
            DROP FUNCTION f();
            DROP TABLE t;
            """;

    private static String checksum(String text) {
        return ScriptLoader.parse("c.sql", text).checksum();
    }

    private static void assertSame(String changed) {
        assertThat(checksum(changed)).isEqualTo(checksum(BASE));
    }

    private static void assertDifferent(String changed) {
        assertThat(checksum(changed)).isNotEqualTo(checksum(BASE));
    }

    @Test
    void aScriptForMariaDbHasTheChecksumOfItsStatementsAsPostgreSqlReadsThemWhereTheyCloseSo() {
        // A # comment is code to PostgreSQL's rules: the checksum is what it was before MySQL's rules were
        // read, so a revision applied then is not taken for a changed one.
        String hash = HEADER + "-- migrate:upgrade\n# Step one; the table\nCREATE TABLE t (id int);\n";
        RevisionScript script = ScriptLoader.parse("c.sql", hash);
        assertThat(script.checksum()).isEqualTo(ScriptChecksum.of(script.upgradeStatements(), null));
        assertThat(script.upgradeStatements()).hasSize(2);
        // A quote only MySQL's rules close: the statements as MariaDB reads them, not an error.
        String escaped = HEADER + "-- migrate:upgrade\nINSERT INTO t VALUES ('O\\'Brien');\n";
        assertThat(ScriptLoader.parse("c.sql", escaped).checksum()).startsWith("v2:")
            .isNotEqualTo(ScriptLoader.parse("c.sql", escaped.replace("O\\'", "O\\'\\'")).checksum());
        assertThatThrownBy(() -> ScriptLoader.parse("c.sql", HEADER + "-- migrate:upgrade\nSELECT 'open;\n")
                .checksum()).isInstanceOf(ScriptFormatException.class);
    }

    @Test
    void isVersionedWithADigestPerPartAndCached() {
        RevisionScript script = ScriptLoader.parse("c.sql", BASE);
        assertThat(script.checksum()).matches("v2:[0-9a-f]{32}:[0-9a-f]{32}").isSameAs(script.checksum());
        assertThat(checksum(HEADER + "-- migrate:upgrade\nSELECT 1;\n")).matches("v2:[0-9a-f]{32}:none");
    }

    /** The checksums as of each version's first commit (v2: 2026-12-05); they must never change. */
    @Test
    void theChecksumsOfBothVersionsStayTheSame() {
        RevisionScript script = ScriptLoader.parse("c.sql", BASE);
        assertThat(script.checksum()).isEqualTo("v2:680f4392875393c92c90665229fd6dac:281456e57d1dd06bbb91694eb440c743");
        assertThat(script.compareChecksum("v1:b4c44b285affc33d3df58243280d0c4c87bedac15ada85bd578407ca54e19693"))
                .isEqualTo(ChecksumChange.NONE);
        RevisionScript upgradeOnly = ScriptLoader.parse("c.sql", HEADER + "-- migrate:upgrade\nSELECT 1;\n");
        assertThat(upgradeOnly.checksum()).isEqualTo("v2:f61e71a58517100fd2ae0a4be2ddea35:none");
        assertThat(upgradeOnly.compareChecksum("v1:f61e71a58517100fd2ae0a4be2ddea3592d646667b86f46d9df732fb0ec51d63"))
                .isEqualTo(ChecksumChange.NONE);
    }

    /** What mysqldump writes: executable comments, alone and inside a statement. */
    private static final String DUMPED = HEADER + """
            -- migrate:upgrade
            /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
            CREATE TABLE t (id INT) /*!50100 COMMENT 'kept' */;
            /*!50003 CREATE*/ /*!50017 DEFINER=CURRENT_USER*/
            /*!50003 TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN
              IF NEW.id > 5 THEN SET NEW.id = 5; END IF;
            END */;;

            -- migrate:downgrade
            DROP TABLE t;
            """;

    /**
     * A revision applied while executable comments were comments (before 2026-12-06) logged the checksum of
     * its statements without them; it is not taken for a changed one now that they run, unless it changed.
     */
    @Test
    void aChecksumWrittenWhileExecutableCommentsWereCommentsStillMatches() {
        String before = "v2:b8c0e7de252669cf74cdd88e3255e371:329df2bc05a36ef0888a8c0a3a3c28a6";
        RevisionScript script = ScriptLoader.parse("c.sql", DUMPED);

        assertThat(script.checksum()).as("they are code now").isNotEqualTo(before);
        assertThat(script.compareChecksum(before)).isEqualTo(ChecksumChange.NONE);
        assertThat(script.compareChecksum(script.checksum())).isEqualTo(ChecksumChange.NONE);
        assertThat(ScriptLoader.parse("c.sql", DUMPED.replace("DROP TABLE t;", "DROP TABLE t, u;"))
                .compareChecksum(before)).isEqualTo(ChecksumChange.DOWNGRADE_ONLY);
        assertThat(ScriptLoader.parse("c.sql", DUMPED.replace("id INT", "id BIGINT")).compareChecksum(before))
                .isEqualTo(ChecksumChange.CHANGED);
        assertThat(ScriptLoader.parse("c.sql", DUMPED.replace("NEW.id > 5", "NEW.id > 6"))
                .compareChecksum(script.checksum())).as("a change inside one is a change")
                .isEqualTo(ChecksumChange.CHANGED);
    }

    @Test
    void aChangeToTheDowngradePartAloneIsToldApart() {
        String applied = checksum(BASE);
        RevisionScript reformatted = ScriptLoader.parse("c.sql", BASE.replace("DROP TABLE t;", "DROP   TABLE t ;"));
        assertThat(ScriptLoader.parse("c.sql", BASE).compareChecksum(applied)).isEqualTo(ChecksumChange.NONE);
        assertThat(ScriptLoader.parse("c.sql", BASE.replace("DROP TABLE t;", "DROP TABLE t CASCADE;"))
                .compareChecksum(applied)).isEqualTo(ChecksumChange.DOWNGRADE_ONLY);
        assertThat(ScriptLoader.parse("c.sql", BASE.substring(0, BASE.indexOf("-- migrate:downgrade")))
                .compareChecksum(applied)).as("downgrade removed").isEqualTo(ChecksumChange.DOWNGRADE_ONLY);
        assertThat(ScriptLoader.parse("c.sql", BASE.replace("id int", "id bigint")).compareChecksum(applied))
                .isEqualTo(ChecksumChange.CHANGED);
        assertThat(ScriptLoader.parse("c.sql", BASE.replace("DROP FUNCTION f();\nDROP TABLE t;", "DROP FUNCTION f();")
                .replace("$$ LANGUAGE plpgsql;", "$$ LANGUAGE plpgsql;\nDROP TABLE t;")).compareChecksum(applied))
                .as("a statement moved from the downgrade to the upgrade").isEqualTo(ChecksumChange.CHANGED);
        assertThat(reformatted.compareChecksum(applied)).isEqualTo(ChecksumChange.NONE);
    }

    @Test
    void onlyTwoPartChecksumsTellADowngradeChangeApart() {
        String part = "0123456789abcdef0123456789abcdef";
        assertThat(PartChecksums.compare("v2:" + part + ":none", "v2:" + part + ":" + part))
                .isEqualTo(ChecksumChange.DOWNGRADE_ONLY);
        assertThat(PartChecksums.compare("j2:" + part + ":" + part, "j2:" + part + ":none"))
                .isEqualTo(ChecksumChange.DOWNGRADE_ONLY);
        assertThat(PartChecksums.compare("jv:" + part + ":none", "jv:" + part + ":" + part))
                .as("a declared version shaped like parts").isEqualTo(ChecksumChange.CHANGED);
        assertThat(PartChecksums.compare("j2:" + part + ":none", "v2:" + part + ":none"))
                .isEqualTo(ChecksumChange.CHANGED);
        assertThat(PartChecksums.compare("v2:" + part + ":x", "v2:" + part + ":none"))
                .isEqualTo(ChecksumChange.CHANGED);
    }

    @Test
    void aVersionOneChecksumTellsNoPartApart() {
        String v1 = "v1:b4c44b285affc33d3df58243280d0c4c87bedac15ada85bd578407ca54e19693";
        assertThat(ScriptLoader.parse("c.sql", BASE.replace("DROP TABLE t;", "DROP TABLE t CASCADE;"))
                .compareChecksum(v1)).isEqualTo(ChecksumChange.CHANGED);
        assertThat(ScriptLoader.parse("c.sql", BASE.replace("DROP TABLE t;", "DROP  TABLE t; -- reformatted"))
                .compareChecksum(v1)).isEqualTo(ChecksumChange.NONE);
    }

    @Test
    void ignoresLineEndingsAndBom() {
        assertSame(BASE.replace("\n", "\r\n"));
        assertSame(BASE.replace("\n", "\r"));
        assertSame("\uFEFF" + BASE);
    }

    @Test
    void ignoresTrailingWhitespaceAndBlankLines() {
        assertSame(BASE.replace(";\n", ";   \t\n"));
        assertSame(HEADER + BASE.substring(HEADER.length()).replace("\n", "\n\n"));
        assertSame(BASE + "\n\n\n");
    }

    @Test
    void ignoresCommentsOutsideStrings() {
        assertSame(BASE.replace("CREATE TABLE t", "-- a new comment\nCREATE /* inline /* nested */ */ TABLE t"));
        assertSame(BASE.replace("DROP TABLE t;", "DROP TABLE t; -- trailing\n/* block */"));
        assertSame(BASE.replace("-- migrate:upgrade", "-- migrate:upgrade\n-- a comment under the marker"));
    }

    @Test
    void ignoresReindentationAndEmptyStatements() {
        assertSame(BASE.replace("CREATE TABLE t (id int, name text DEFAULT 'a  b');",
                "CREATE TABLE t (\n    id int,\n    name text DEFAULT 'a  b'\n);;"));
    }

    @Test
    void ignoresSpacingAroundPunctuationAndOperators() {
        assertSame(BASE.replace("(id int, name text DEFAULT 'a  b')", "( id int ,name text DEFAULT 'a  b' )"));
        assertSame(BASE.replace("DROP FUNCTION f();", "DROP FUNCTION f ( ) ;"));
    }

    @Test
    void keepsTheDifferenceBetweenSeparatedAndJoinedWords() {
        assertDifferent(BASE.replace("id int", "idint"));
        assertThat(checksum(HEADER + "-- migrate:upgrade\nSELECT 1 - -2;")).isNotEqualTo(
                checksum(HEADER + "-- migrate:upgrade\nSELECT 1 -- -2\n;"));
        assertThat(checksum(HEADER + "-- migrate:upgrade\nSELECT a < > b;")).isNotEqualTo(
                checksum(HEADER + "-- migrate:upgrade\nSELECT a <> b;"));
    }

    @Test
    void ignoresHeaderAndFileName() {
        assertSame(BASE.replace("-- Add things", "-- Reworded message").replace("-- Revises: r0", "-- Revises: r0\n-- Create Date: now"));
        assertThat(ScriptLoader.parse("other/name.sql", BASE).checksum()).isEqualTo(checksum(BASE));
    }

    @Test
    void ignoresTrailingBlanksInsideDollarBodies() {
        assertSame(BASE.replace("BEGIN\n", "BEGIN   \n\n  \n"));
    }

    @Test
    void detectsExecutableChanges() {
        assertDifferent(BASE.replace("id int", "id bigint"));
        assertDifferent(BASE.replace("DROP TABLE t;", "DROP TABLE t CASCADE;"));
        assertDifferent(BASE.replace("CREATE TABLE t", "create table t"));
    }

    @Test
    void detectsChangesInsideStringLiterals() {
        assertDifferent(BASE.replace("'a  b'", "'a b'"));
        assertDifferent(BASE.replace("'a  b'", "'a  b -- not a comment'"));
    }

    @Test
    void detectsChangesInsideDollarBodiesIncludingTheirComments() {
        assertDifferent(BASE.replace("RETURN 1;", "RETURN 2;"));
        assertDifferent(BASE.replace("-- one", "-- uno"));
        assertDifferent(BASE.replace("  RETURN 1;", "    RETURN 1;"));
        assertDifferent(BASE.replace("BEGIN\n", "BEGIN NULL;\n"));
    }

    @Test
    void detectsMovingStatementsBetweenPartsOrStatements() {
        assertDifferent(BASE.replace("DROP FUNCTION f();\nDROP TABLE t;", "DROP FUNCTION f();")
                .replace("$$ LANGUAGE plpgsql;", "$$ LANGUAGE plpgsql;\nDROP TABLE t;"));
        assertDifferent(BASE.replace("DROP FUNCTION f();\nDROP TABLE t;", "DROP TABLE t;\nDROP FUNCTION f();"));
        assertDifferent(BASE.replace("DROP FUNCTION f();\nDROP TABLE t;", "DROP FUNCTION f() DROP TABLE t;"));
    }

    @Test
    void distinguishesAnEmptyDowngradeFromNone() {
        String upgradeOnly = HEADER + "-- migrate:upgrade\nSELECT 1;\n";
        assertThat(checksum(upgradeOnly)).isNotEqualTo(checksum(upgradeOnly + "-- migrate:downgrade\n"));
    }

    @Test
    void unterminatedSqlFailsTheChecksumWithFileAndLine() {
        assertThatThrownBy(() -> checksum(HEADER + "-- migrate:upgrade\nSELECT 1;\n/* open\n"))
                .isInstanceOf(ScriptFormatException.class).hasMessageStartingWith("c.sql:7: Unterminated /* comment");
    }
}
