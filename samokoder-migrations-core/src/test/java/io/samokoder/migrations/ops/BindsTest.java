package io.samokoder.migrations.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BindsTest {

    @Test
    void findsBindsOutsideQuotesCommentsAndCasts() {
        assertThat(Binds.names("SELECT :a, ':b', \":c\", `:d`, x::int, /* :e /* :f */ */ :g -- :h\n, $$:i$$,"
                + " $t$ :j $t$, :k_1, E'it''s :l', :a")).containsExactly("a", "g", "k_1");
        assertThat(Binds.replace("a = :a AND b = ':a'", false, false, n -> "1")).isEqualTo("a = 1 AND b = ':a'");
        assertThat(Binds.names("SELECT $1, a:=b, 10:30, x:y")).isEmpty();
    }

    @Test
    void aBackslashEscapesAQuoteInPostgresEscapeStringsOnly() {
        assertThat(Binds.replace("SELECT E'it\\'s :a', :b", false, false, n -> "<" + n + ">"))
                .isEqualTo("SELECT E'it\\'s :a', <b>");
        // In a standard string a backslash is itself: the string ends at the quote after it.
        assertThat(Binds.replace("SELECT 'C:\\', :b", false, false, n -> "<" + n + ">"))
                .isEqualTo("SELECT 'C:\\', <b>");
        assertThat(Binds.replace("SELECT re'x', :b", false, false, n -> "<" + n + ">")).isEqualTo("SELECT re'x', <b>");
    }

    @Test
    void whereBackslashesEscapeEveryStringAndHashStartsAComment() {
        assertThat(Binds.replace("INSERT INTO n VALUES (:id, 'don\\'t touch :body', \"a\\\"b :c\") # :d\n, :e",
                true, true, n -> "<" + n + ">"))
                .isEqualTo("INSERT INTO n VALUES (<id>, 'don\\'t touch :body', \"a\\\"b :c\") # :d\n, <e>");
        assertThat(Binds.replace("SELECT 'a\\\\', :b", true, true, n -> "<" + n + ">"))
                .isEqualTo("SELECT 'a\\\\', <b>");
    }

    @Test
    void inASessionWithNoBackslashEscapesABackslashIsItselfAndHashAndExecutableCommentsStayMySqls() {
        assertThat(Binds.replace("INSERT INTO n VALUES ('C:\\', :b) # :c\n/*!50003 , :d */", true, false,
                n -> "<" + n + ">"))
                .isEqualTo("INSERT INTO n VALUES ('C:\\', <b>) # :c\n/*!50003 , <d> */");
        // Read with backslash escapes, the string would run on and hide :b.
        assertThat(Binds.names("SELECT 'C:\\', :b")).isEmpty();
    }

    @Test
    void whereBackslashesEscapeEveryStringTheCodeOfAnExecutableCommentHasBinds() {
        // MariaDB and MySQL run it; to PostgreSQL and H2 it is a comment.
        String sql = "UPDATE n SET a = :a /*!50003 , b = :b, c = ':c' */ /*M!100100 , d = :d */ /* :e */";
        assertThat(Binds.replace(sql, true, true, n -> "<" + n + ">"))
                .isEqualTo("UPDATE n SET a = <a> /*!50003 , b = <b>, c = ':c' */ /*M!100100 , d = <d> */ /* :e */");
        assertThat(Binds.replace(sql, false, false, n -> "<" + n + ">"))
                .isEqualTo("UPDATE n SET a = <a> /*!50003 , b = :b, c = ':c' */ /*M!100100 , d = :d */ /* :e */");
        // A value is demanded before the database is known only where every database reads a bind.
        assertThat(Binds.names(sql)).containsExactly("a");
    }

    @Test
    void aRevisionNeedsValuesForTheBindsThatEveryDatabaseReads() {
        // MariaDB reads :id as a bind after 'a\'b', PostgreSQL as part of a string: a value is not demanded
        // before the database is known (rendering for MariaDB then asks for it).
        assertThat(Binds.names("SELECT 'a\\'b' WHERE id = :id AND x = :x")).isEmpty();
        assertThat(Binds.names("SELECT :x, 'a' WHERE id = :id")).containsExactly("x", "id");
    }
}
