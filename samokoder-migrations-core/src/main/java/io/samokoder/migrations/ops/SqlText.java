package io.samokoder.migrations.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;

/**
 * How a database writes names and values in SQL: identifiers bare where it reads them unchanged and
 * quoted otherwise, values as its literals. The base of {@link SqlOperationRenderer}; a database's
 * renderer overrides the hooks where its SQL differs.
 */
public abstract class SqlText {

    /** For subclasses. */
    protected SqlText() {
    }

    /** The database's name for messages, e.g. {@code PostgreSQL}. */
    protected abstract String databaseName();

    /** The longest identifier the database keeps, in characters. */
    protected abstract int maxIdentifierLength();

    /** The database's reserved words, lower case; such names are quoted. */
    protected abstract Set<String> reservedWords();

    /** The character that quotes identifiers, e.g. {@code "}. */
    protected abstract char quoteCharacter();

    /** The identifier as SQL: bare when the database reads it unchanged, quoted otherwise. */
    public final String identifier(String name) {
        if (name.length() > maxIdentifierLength()) {
            throw new OperationNotSupportedException("The name " + name + " is " + name.length() + " characters long;"
                    + " " + databaseName() + " keeps at most " + maxIdentifierLength() + ". Give a shorter name (or"
                    + " shorten the naming convention's template)");
        }
        return isBare(name) ? name : quote(name);
    }

    /**
     * The name of an index or constraint as SQL. One longer than the database keeps (63 characters on
     * PostgreSQL, 64 on MariaDB and MySQL) is shortened as SQLAlchemy shortens the names of its naming
     * convention: its first (longest − 8) characters, {@code _} and the last four hex digits of the full name's
     * MD5. A revision ported from Alembic then makes, and drops, the names Alembic made; dropping by the long
     * name finds the short one. Table and column names are never shortened ({@link #identifier}).
     */
    public final String constraintName(String name) {
        return identifier(storedName(name));
    }

    /** The name of an index or constraint as the database keeps it: shortened as {@link #constraintName}, unquoted. */
    public final String storedName(String name) {
        int max = maxIdentifierLength();
        if (name.length() <= max) {
            return name;
        }
        String hash = md5Hex(name);
        return name.substring(0, max - 8) + "_" + hash.substring(hash.length() - 4);
    }

    private static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(32);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    /** Whether the name may go unquoted: a lower-case plain name that is not a reserved word, by default. */
    protected boolean isBare(String name) {
        return SqlNames.isLowerName(name) && !reservedWords().contains(name);
    }

    /** The name quoted, with the quote character doubled inside. */
    protected final String quote(String name) {
        return SqlNames.quote(name, quoteCharacter());
    }

    /** The value as a SQL literal of this database. */
    public String literal(SqlValue value) {
        return switch (value.kind()) {
            case NULL -> "NULL";
            case STRING -> stringLiteral(value.text());
            case BOOLEAN -> Boolean.parseBoolean(value.text()) ? "TRUE" : "FALSE";
            case NUMBER -> value.text();
            case UUID -> uuidLiteral(value.text());
            case DATE -> "DATE '" + value.text() + "'";
            case TIME -> "TIME '" + value.text() + "'";
            case TIMESTAMP -> "TIMESTAMP '" + value.text() + "'";
            case TIMESTAMPTZ -> timestampTzLiteral(value.text());
            case BYTES -> bytesLiteral(value.text());
        };
    }

    /**
     * Whether SQL is read with MySQL's lexical rules ({@code false} by default; MariaDB/MySQL): {@code #} comments
     * and executable comments' code, where binds of {@code execute} are found.
     */
    protected boolean mysqlLexicalRules() {
        return false;
    }

    /**
     * Whether a backslash escapes the next character in every quoted string ({@code false} by default;
     * MariaDB/MySQL without {@code NO_BACKSLASH_ESCAPES}): where binds of {@code execute} are found.
     */
    protected boolean backslashEscapes() {
        return false;
    }

    /** A string literal: single quotes, doubled inside. */
    protected String stringLiteral(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A UUID literal; a string literal by default. */
    protected String uuidLiteral(String uuid) {
        return stringLiteral(uuid);
    }

    /** A literal of a date and time with an offset ({@code 2024-01-31 10:00:00+02:00}). */
    protected String timestampTzLiteral(String text) {
        return "TIMESTAMP WITH TIME ZONE '" + text + "'";
    }

    /** A bytes literal from lower-case hex digits; {@code X'..'} by default. */
    protected String bytesLiteral(String hex) {
        return "X'" + hex + "'";
    }

    /** The enum values as a comma-separated list of string literals. */
    protected final String enumValues(Type enumType) {
        StringBuilder out = new StringBuilder();
        for (String value : enumType.values()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(stringLiteral(value));
        }
        return out.toString();
    }
}
