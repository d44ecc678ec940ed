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
    void isVersionedHexSha256AndCached() {
        RevisionScript script = ScriptLoader.parse("c.sql", BASE);
        assertThat(script.checksum()).matches("v1:[0-9a-f]{64}").isSameAs(script.checksum());
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
