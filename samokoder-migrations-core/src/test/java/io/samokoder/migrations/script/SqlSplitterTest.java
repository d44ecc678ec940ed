package io.samokoder.migrations.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    private static List<SqlStatement> split(String sql) {
        return SqlSplitter.split("test.sql", sql, 0, sql.length(), 1);
    }

    private static List<String> sqls(String sql) {
        return split(sql).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void splitsOnSemicolonsAndNumbersStatements() {
        List<SqlStatement> statements = split("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
        assertThat(statements).containsExactly(
                new SqlStatement("CREATE TABLE a (id int)", 1, 1),
                new SqlStatement("CREATE TABLE b (id int)", 2, 2));
    }

    @Test
    void trailingStatementWithoutSemicolonCounts() {
        assertThat(split("SELECT 1;\nSELECT 2\n")).containsExactly(
                new SqlStatement("SELECT 1", 1, 1), new SqlStatement("SELECT 2", 2, 2));
    }

    @Test
    void emptyStatementsAndCommentOnlyStatementsAreDropped() {
        assertThat(split(";;\n-- nothing here\n;\n/* still nothing */;\nSELECT 1;;")).containsExactly(
                new SqlStatement("SELECT 1", 1, 5));
    }

    @Test
    void emptyInputHasNoStatements() {
        assertThat(split("")).isEmpty();
        assertThat(split("\n\n  -- just a comment\n")).isEmpty();
    }

    @Test
    void statementStartsAtFirstTokenAfterLeadingComments() {
        List<SqlStatement> statements = split("\n-- explain\n/* more\n   lines */\n\n  SELECT 1 -- tail\n;\n");
        assertThat(statements).containsExactly(new SqlStatement("SELECT 1", 1, 6));
    }

    @Test
    void innerCommentsAreKept() {
        assertThat(sqls("SELECT /* inner */ 1\n-- between\n, 2;")).containsExactly("SELECT /* inner */ 1\n-- between\n, 2");
    }

    @Test
    void semicolonInSingleQuotedStringDoesNotSplit() {
        assertThat(sqls("INSERT INTO t VALUES ('a;b', 'it''s; fine');SELECT 2;"))
                .containsExactly("INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT 2");
    }

    @Test
    void escapeStringWithBackslashQuote() {
        assertThat(sqls("SELECT E'don\\'t; stop', e'back\\\\';SELECT 2"))
                .containsExactly("SELECT E'don\\'t; stop', e'back\\\\'", "SELECT 2");
    }

    @Test
    void escapeStringAlsoAcceptsDoubledQuotes() {
        assertThat(sqls("SELECT E'it''s; \\n';SELECT 2")).containsExactly("SELECT E'it''s; \\n'", "SELECT 2");
    }

    @Test
    void backslashInStandardStringIsNotAnEscape() {
        assertThat(sqls("SELECT 'C:\\path\\';SELECT 2")).containsExactly("SELECT 'C:\\path\\'", "SELECT 2");
    }

    @Test
    void identifierEndingInEBeforeStringIsNotAnEscapeString() {
        assertThat(sqls("SELECT name'x\\';SELECT 2")).containsExactly("SELECT name'x\\'", "SELECT 2");
    }

    @Test
    void doubleQuotedIdentifierWithDoubledQuotes() {
        assertThat(sqls("CREATE TABLE \"we;ird\"\"name\" (\"a--b\" int);SELECT 2"))
                .containsExactly("CREATE TABLE \"we;ird\"\"name\" (\"a--b\" int)", "SELECT 2");
    }

    @Test
    void lineCommentHidesSemicolonAndQuotes() {
        assertThat(sqls("SELECT 1 -- it's; not the end\n+ 1;SELECT 2"))
                .containsExactly("SELECT 1 -- it's; not the end\n+ 1", "SELECT 2");
    }

    @Test
    void nestedBlockComments() {
        assertThat(sqls("SELECT /* outer /* inner; */ still comment; */ 1;SELECT 2"))
                .containsExactly("SELECT /* outer /* inner; */ still comment; */ 1", "SELECT 2");
    }

    @Test
    void commentMarkersInsideStringsAreText() {
        assertThat(sqls("SELECT '-- not a comment', '/* nor this';SELECT 2"))
                .containsExactly("SELECT '-- not a comment', '/* nor this'", "SELECT 2");
    }

    @Test
    void dollarQuotedFunctionBody() {
        String function = """
                CREATE FUNCTION f() RETURNS trigger AS $$
                BEGIN
                  NEW.updated := now(); -- it's
                  RETURN NEW;
                END;
                $$ LANGUAGE plpgsql;
                SELECT 2;
                """;
        List<SqlStatement> statements = split(function);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).sql()).startsWith("CREATE FUNCTION").endsWith("$$ LANGUAGE plpgsql");
        assertThat(statements.get(1)).isEqualTo(new SqlStatement("SELECT 2", 2, 7));
    }

    @Test
    void taggedDollarQuoteMayContainPlainDollarQuotes() {
        String sql = "DO $body$ BEGIN EXECUTE $$SELECT ';'$$; END $body$;SELECT 2";
        assertThat(sqls(sql)).containsExactly("DO $body$ BEGIN EXECUTE $$SELECT ';'$$; END $body$", "SELECT 2");
    }

    @Test
    void doBlockWithUnderscoreAndDigitsInTag() {
        assertThat(sqls("DO $_do_1$ BEGIN PERFORM 1; END $_do_1$;SELECT 2"))
                .containsExactly("DO $_do_1$ BEGIN PERFORM 1; END $_do_1$", "SELECT 2");
    }

    @Test
    void positionalParametersAreNotDollarTags() {
        assertThat(sqls("PREPARE p AS SELECT $1, $2;EXECUTE p(1, 2)"))
                .containsExactly("PREPARE p AS SELECT $1, $2", "EXECUTE p(1, 2)");
    }

    @Test
    void dollarInsideIdentifierIsNotATag() {
        assertThat(sqls("SELECT a$b$c FROM t$1;SELECT 2")).containsExactly("SELECT a$b$c FROM t$1", "SELECT 2");
    }

    @Test
    void differentTagDoesNotCloseDollarQuote() {
        assertThat(sqls("SELECT $a$ text $b$ ; more $a$;SELECT 2"))
                .containsExactly("SELECT $a$ text $b$ ; more $a$", "SELECT 2");
    }

    @Test
    void sqlStandardFunctionBodyKeepsItsSemicolons() {
        String sql = """
                CREATE OR REPLACE FUNCTION two() RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN true THEN 1 ELSE 0 END;
                  SELECT 2;
                END;
                SELECT 3;
                """;
        List<SqlStatement> statements = split(sql);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).sql()).endsWith("SELECT 2;\nEND");
        assertThat(statements.get(1)).isEqualTo(new SqlStatement("SELECT 3", 2, 6));
    }

    @Test
    void keywordsAreReadInAnyAsciiCaseAndOnlyInAscii() {
        String sql = """
                create or Replace function two() returns int language sql
                Begin Atomic
                  select 1;
                eNd;
                CREATE FUNCTION beg\u0130n() RETURNS int LANGUAGE sql RETURN 1;
                SELECT 3;
                """;
        // As PostgreSQL and MariaDB read them: beg\u0130n (dotted capital I) is a name, not BEGIN, though
        // Java's case-insensitive comparison would take it for one.
        assertThat(sqls(sql)).containsExactly(
                "create or Replace function two() returns int language sql\nBegin Atomic\n  select 1;\neNd",
                "CREATE FUNCTION beg\u0130n() RETURNS int LANGUAGE sql RETURN 1", "SELECT 3");
    }

    @Test
    void mysqlExecutableCommentsAreStatementsAsTheMysqlClientSendsThem() {
        String sql = """
                /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
                /* a plain comment */;
                CREATE TABLE t (id INT) /*!50100 COMMENT 'kept' */;
                /*!50003 CREATE*/ /*!50017 DEFINER=CURRENT_USER*/
                /*!50003 TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN
                  IF NEW.id > 5 THEN SET NEW.id = 5; END IF;
                END */;;
                /*M!100101 SET NAMES utf8mb4 */;
                """;

        List<SqlStatement> statements = split(sql);

        assertThat(statements).extracting(SqlStatement::sql).containsExactly(
                "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */",
                "CREATE TABLE t (id INT) /*!50100 COMMENT 'kept' */",
                "/*!50003 CREATE*/ /*!50017 DEFINER=CURRENT_USER*/\n/*!50003 TRIGGER trg BEFORE INSERT ON t FOR EACH"
                        + " ROW BEGIN\n  IF NEW.id > 5 THEN SET NEW.id = 5; END IF;\nEND */",
                "/*M!100101 SET NAMES utf8mb4 */");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3, 4, 8);
    }

    @Test
    void theMysqlClientsDelimiterIsFollowedAsTheClientFollowsIt() {
        String sql = """
                CREATE TABLE t (id INT);
                DELIMITER ;;
                CREATE PROCEDURE p() BEGIN SELECT ';;'; SELECT 1; END;;
                CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW SET NEW.id = 1 /* ;; */;;
                delimiter $$
                CREATE FUNCTION f() RETURNS INT RETURN 1$$
                DELIMITER ;
                SELECT 2;
                """;

        List<SqlStatement> statements = split(sql);

        assertThat(statements).extracting(SqlStatement::sql).containsExactly("CREATE TABLE t (id INT)",
                "CREATE PROCEDURE p() BEGIN SELECT ';;'; SELECT 1; END",
                "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW SET NEW.id = 1",
                "CREATE FUNCTION f() RETURNS INT RETURN 1", "SELECT 2");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3, 4, 6, 8);
        assertThat(statements).extracting(SqlStatement::number).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void psqlsRestrictLinesAsPgDumpWritesThemAreNoStatements() {
        String sql = """
                \\restrict EStdoowe0AnYJ4gyD0BIgh25nWt
                CREATE TABLE public.account (id integer NOT NULL);
                \\unrestrict EStdoowe0AnYJ4gyD0BIgh25nWt
                \\connect other
                SELECT 1;
                """;

        List<SqlStatement> statements = split(sql);

        assertThat(statements).extracting(SqlStatement::sql).containsExactly(
                "CREATE TABLE public.account (id integer NOT NULL)", "\\connect other\nSELECT 1");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 4);
    }

    @Test
    void aDelimiterLineWithoutOneDelimiterNamesItsLine() {
        for (String line : new String[] {"DELIMITER", "DELIMITER ;; -- for the routine"}) {
            String sql = "SELECT 1;\n" + line + "\nSELECT 2;";
            assertThatThrownBy(() -> split(sql)).as(line).isInstanceOf(ScriptFormatException.class)
                    .hasMessageStartingWith("test.sql:2: DELIMITER takes one delimiter and nothing more on its line");
        }
    }

    @Test
    void normaliseKeepsExecutableCommentsAsCodeUnlessAskedForTheFormerForm() {
        String sql = "CREATE TABLE t (id INT)  /*!50100 COMMENT 'kept' */ /* gone */";
        assertThat(SqlSplitter.normalise(sql)).isEqualTo("CREATE TABLE t(id INT)/*!50100 COMMENT 'kept' */");
        StringBuilder former = new StringBuilder();
        SqlSplitter.normalise(sql, former, false, SqlLexer.STANDARD);
        assertThat(former).hasToString("CREATE TABLE t(id INT)");
    }

    @Test
    void mariaDbTriggerAndEventBodiesKeepTheirSemicolons() {
        String sql = """
                CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN
                  IF NEW.id > 5 THEN
                    SET NEW.id = 5;
                  END IF;
                  CASE WHEN NEW.id = 1 THEN SET NEW.id = 2; ELSE SET NEW.id = 3; END CASE;
                END;
                CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END;
                SELECT 3;
                """;
        List<SqlStatement> statements = split(sql);
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 7, 8);
        assertThat(statements.get(0).sql()).endsWith("END CASE;\nEND");
        assertThat(statements.get(1).sql())
                .isEqualTo("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END");
    }

    @Test
    void mariaDbRoutinesWithADefinerAndLoopsKeepTheirSemicolons() {
        String sql = """
                CREATE DEFINER=`root`@`localhost` PROCEDURE p() BEGIN
                  DECLARE i INT DEFAULT 0;
                  WHILE i < 3 DO SET i = i + 1; END WHILE;
                  lbl: LOOP LEAVE lbl; END LOOP lbl;
                  REPEAT SET i = i - 1; UNTIL i = 0 END REPEAT;
                  SELECT CASE i WHEN 0 THEN 'a' END;
                END;
                CREATE OR REPLACE DEFINER = CURRENT_USER FUNCTION f() RETURNS INT BEGIN RETURN 1; END;
                SELECT 3;
                """;
        List<SqlStatement> statements = split(sql);
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 8, 9);
        assertThat(statements.get(0).sql()).endsWith("SELECT CASE i WHEN 0 THEN 'a' END;\nEND");
        assertThat(statements.get(1).sql()).endsWith("BEGIN RETURN 1; END");
    }

    @Test
    void aPostgresTriggerIsOneStatementAsBefore() {
        assertThat(sqls("CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW WHEN (CASE WHEN true THEN true END)"
                + " EXECUTE FUNCTION f();SELECT 1;")).containsExactly("CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW"
                        + " WHEN (CASE WHEN true THEN true END) EXECUTE FUNCTION f()", "SELECT 1");
        // begin is an unreserved keyword in PostgreSQL: a column, a transition table, a function.
        assertThat(sqls("CREATE TRIGGER trg BEFORE UPDATE ON periods FOR EACH ROW"
                + " WHEN (OLD.begin IS DISTINCT FROM NEW.begin) EXECUTE FUNCTION f();\nSELECT 2;")).hasSize(2);
        assertThat(sqls("CREATE TRIGGER trg AFTER INSERT ON t REFERENCING NEW TABLE AS begin FOR EACH STATEMENT"
                + " EXECUTE PROCEDURE begin();\nSELECT 2;")).hasSize(2);
    }

    @Test
    void mariaDbBodiesWithForLoopsColumnsNamedEndAndAnOrderedTrigger() {
        assertThat(sqls("CREATE PROCEDURE p() BEGIN\n  FOR i IN 1..3 DO\n    INSERT INTO t VALUES (i);\n"
                + "  END FOR;\n  SELECT 1;\nEND;\nSELECT 3;")).hasSize(2);
        assertThat(sqls("CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN\n  SET NEW.end = NOW();\n"
                + "  SET NEW.x = 1;\nEND;\nSELECT 3;")).hasSize(2);
        assertThat(sqls("CREATE TRIGGER b BEFORE INSERT ON t FOR EACH ROW FOLLOWS `a` BEGIN SET NEW.x = 1;"
                + " SET NEW.y = 2; END;\nSELECT 3;")).hasSize(2);
        assertThat(sqls("CREATE TRIGGER c BEFORE INSERT ON t FOR EACH ROW PRECEDES db.a BEGIN SET NEW.x = 1;"
                + " SET NEW.y = 2; END;\nSELECT 3;")).hasSize(2);
        assertThat(sqls("CREATE TRIGGER one BEFORE INSERT ON t FOR EACH ROW SET NEW.x = 1;\nSELECT 3;"))
                .containsExactly("CREATE TRIGGER one BEFORE INSERT ON t FOR EACH ROW SET NEW.x = 1", "SELECT 3");
    }

    @Test
    void beginOutsideRoutineIsAnOrdinaryStatement() {
        assertThat(sqls("BEGIN;SELECT 1;END;")).containsExactly("BEGIN", "SELECT 1", "END");
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplitRuleActions() {
        assertThat(sqls("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));SELECT 2"))
                .containsExactly("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))",
                        "SELECT 2");
    }

    @Test
    void lineNumbersCountLinesInsideStringsAndComments() {
        String sql = "SELECT 'a\nb\nc';\n/* x\ny */\nSELECT $$\n\n$$;\nSELECT \"q\nr\";\nSELECT 4;";
        assertThat(split(sql)).extracting(SqlStatement::line).containsExactly(1, 6, 9, 11);
    }

    @Test
    void firstLineOffsetIsApplied() {
        String text = "header\nSELECT 1;\nSELECT 2;";
        assertThat(SqlSplitter.split("f.sql", text, 7, text.length(), 2)).extracting(SqlStatement::line)
                .containsExactly(2, 3);
    }

    @Test
    void unterminatedStringNamesFileAndStartLine() {
        assertThatThrownBy(() -> split("SELECT 1;\nSELECT 'abc\n\nmore;"))
                .isInstanceOfSatisfying(ScriptFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("test.sql");
                    assertThat(e.line()).isEqualTo(2);
                })
                .hasMessageStartingWith("test.sql:2: Unterminated string literal");
    }

    private static List<String> mysql(String sql) {
        return SqlSplitter.split("test.sql", sql, 0, sql.length(), 1, true).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void withMySqlsRulesHashCommentsBackslashEscapesDoubleQuotedStringsAndBackticksAreReadAsMariaDbReadsThem() {
        assertThat(mysql("# Step one; don't skip it\nCREATE TABLE `a;b` (id int); # trailing; it's fine\n"
                + "INSERT INTO `a;b` VALUES ('O\\'Brien'), (\"x\\\";y\"), ('C:\\\\');\nSELECT `it``s;`;"))
            .containsExactly("CREATE TABLE `a;b` (id int)",
                    "INSERT INTO `a;b` VALUES ('O\\'Brien'), (\"x\\\";y\"), ('C:\\\\')", "SELECT `it``s;`");
        // The same text as PostgreSQL reads it: # is no comment, so the first statement ends at its semicolon.
        assertThat(split("# Step one; x\nSELECT 1;")).extracting(SqlStatement::sql)
            .containsExactly("# Step one", "x\nSELECT 1");
        assertThatThrownBy(() -> mysql("SELECT 'abc\\';"))
            .hasMessage("test.sql:1: Unterminated string literal starting on this line; close it with ' (write a"
                    + " quote inside a string as '' or \\')");
        assertThatThrownBy(() -> mysql("SELECT `abc;")).hasMessageContaining("Unterminated quoted name");
    }

    private static List<String> mysql(String sql, int mode) {
        return SqlSplitter.split("test.sql", sql, 0, sql.length(), 1, SqlLexer.MYSQL | mode).stream()
                .map(SqlStatement::sql).toList();
    }

    @Test
    void aSessionsSqlModeChangesHowMariaDbReadsBackslashesAndDoubleQuotes() {
        String paths = "INSERT INTO p VALUES ('C:\\'); INSERT INTO p VALUES (\"D:\\\"); SELECT 'it''s;'";
        // NO_BACKSLASH_ESCAPES: a backslash is a character like any other, so these strings end at their quote.
        assertThat(mysql(paths, SqlLexer.NO_BACKSLASH_ESCAPES)).containsExactly("INSERT INTO p VALUES ('C:\\')",
                "INSERT INTO p VALUES (\"D:\\\")", "SELECT 'it''s;'");
        assertThatThrownBy(() -> mysql(paths))
                .hasMessageStartingWith("test.sql:1: Unterminated string literal starting on this line");
        assertThatThrownBy(() -> mysql("SELECT 'abc;", SqlLexer.NO_BACKSLASH_ESCAPES))
                .hasMessage("test.sql:1: Unterminated string literal starting on this line; close it with ' (write a"
                        + " quote inside a string as '')");
        // ANSI_QUOTES: "..." is a name, in which a backslash escapes nothing; strings keep their escapes.
        String names = "CREATE TABLE \"odd\\\" (v INT); INSERT INTO \"odd\\\" VALUES (LENGTH('a\\'b;'))";
        assertThat(mysql(names, SqlLexer.ANSI_QUOTES)).containsExactly("CREATE TABLE \"odd\\\" (v INT)",
                "INSERT INTO \"odd\\\" VALUES (LENGTH('a\\'b;'))");
        assertThatThrownBy(() -> mysql(names)).isInstanceOf(ScriptFormatException.class);
        // Both, as MariaDB's sql_mode=ORACLE with NO_BACKSLASH_ESCAPES reads them; # comments stay comments.
        assertThat(mysql("# it's\nSELECT \"a\\\", 'b\\'; SELECT 2",
                SqlLexer.NO_BACKSLASH_ESCAPES | SqlLexer.ANSI_QUOTES))
            .containsExactly("SELECT \"a\\\", 'b\\'", "SELECT 2");
    }

    @Test
    void aQuoteLeftOpenByWhatOnlyMariaDbAndMySqlReadNamesItsLine() {
        // A # comment is code here: its apostrophe opens a string that the next statement's quote closes.
        assertThatThrownBy(() -> split("CREATE TABLE people (id int);\n# Don't forget\n"
                + "INSERT INTO people VALUES (1);\nINSERT INTO people VALUES ('x');"))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessage("test.sql:4: Unterminated string literal starting on this line; close it with ' (write a"
                        + " quote inside a string as ''); line 2 starts with #, which is not a comment here (only"
                        + " MariaDB and MySQL read it as one), so its quote opens a string: write the comment with --"
                        + " instead");
        assertThatThrownBy(() -> split("SELECT 1;\nINSERT INTO people VALUES ('O\\'Brien');"))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageEndingWith("; line 2 escapes a quote with a backslash (\\'), which only MariaDB and MySQL"
                        + " read so: write a quote inside a string as '' instead");
        // Neither where the part has none of them, nor for PostgreSQL's own E'...' strings.
        assertThatThrownBy(() -> split("SELECT 'abc;")).hasMessageNotContaining("MySQL");
        assertThatThrownBy(() -> split("SELECT E'O\\'Brien;")).hasMessageNotContaining("MySQL");
        // A # comment without a quote opens nothing, and is not named.
        assertThatThrownBy(() -> split("# one\nSELECT 'abc;")).hasMessageNotContaining("MySQL");
    }

    @Test
    void unterminatedEscapeString() {
        assertThatThrownBy(() -> split("SELECT E'abc\\';"))
                .isInstanceOf(ScriptFormatException.class).hasMessageContaining("test.sql:1: Unterminated E'...' string");
    }

    @Test
    void unterminatedQuotedIdentifier() {
        assertThatThrownBy(() -> split("\n\nSELECT \"abc;"))
                .isInstanceOf(ScriptFormatException.class).hasMessageContaining("test.sql:3: Unterminated quoted identifier");
    }

    @Test
    void unterminatedBlockCommentIncludingNesting() {
        assertThatThrownBy(() -> split("SELECT 1;\n/* a /* b */\nSELECT 2;"))
                .isInstanceOf(ScriptFormatException.class).hasMessageContaining("test.sql:2: Unterminated /* comment");
    }

    @Test
    void unterminatedDollarQuote() {
        assertThatThrownBy(() -> split("SELECT 1;\n\nDO $fn$ BEGIN END $$;"))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageContaining("test.sql:3: Unterminated dollar-quoted string $fn$")
                .hasMessageContaining("close it with $fn$");
    }

    @Test
    void dollarQuoteMustCloseWithinTheRange() {
        String text = "SELECT $$ a;\n-- migrate:downgrade\n$$;";
        int end = text.indexOf("-- migrate");
        assertThatThrownBy(() -> SqlSplitter.split("f.sql", text, 0, end, 1)).isInstanceOf(ScriptFormatException.class);
    }

    @Test
    void normaliseCollapsesBlanksAndDropsComments() {
        assertThat(SqlSplitter.normalise("SELECT  a, /* c */ b\n\t-- x\nFROM t")).isEqualTo("SELECT a,b FROM t");
        assertThat(SqlSplitter.normalise("f ( 1 , 2 ) = 3")).isEqualTo("f(1,2)=3");
        assertThat(SqlSplitter.normalise("a < = b")).isEqualTo("a< =b");
        assertThat(SqlSplitter.normalise("SELECT a/**/b")).isEqualTo("SELECT a b");
    }

    @Test
    void normaliseKeepsStringsVerbatim() {
        assertThat(SqlSplitter.normalise("SELECT 'a  -- b\n  c', \"x  y\"")).isEqualTo("SELECT 'a  -- b\n  c',\"x  y\"");
    }

    @Test
    void normaliseStripsOnlyLineEndBlanksAndBlankLinesInDollarBodies() {
        assertThat(SqlSplitter.normalise("DO $$ BEGIN   \n  -- c  \n\n  \n  PERFORM 1;\t\nEND $$"))
                .isEqualTo("DO $$ BEGIN\n  -- c\n  PERFORM 1;\nEND $$");
    }
}
