package io.samokoder.migrations.dialect.mariadb;

import io.samokoder.migrations.ops.AlterActions;
import io.samokoder.migrations.ops.ConstraintKind;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.OperationNotSupportedException;
import io.samokoder.migrations.ops.SqlOperationRenderer;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.TypeKind;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Operations as MariaDB/MySQL SQL: identifiers bare when lower case and not reserved, else in backticks
 * (at most 64 characters); comments inline ({@code COMMENT '...'}); enums inline; a changed column is
 * restated whole with {@code MODIFY} or {@code CHANGE}, which needs the existing type and nullability;
 * each kind of constraint dropped in its own way. Strings escape backslashes as well as quotes, except for a
 * session whose SQL mode has {@code NO_BACKSLASH_ESCAPES} (see {@link MariaDbDialect#forSqlMode}).
 */
public final class MariaDbOperationRenderer extends SqlOperationRenderer {

    /** The renderer for MariaDB; stateless. */
    public static final MariaDbOperationRenderer INSTANCE = new MariaDbOperationRenderer();

    /** The renderer for MySQL, which has no sequences and no {@code DROP INDEX IF EXISTS}; stateless. */
    public static final MariaDbOperationRenderer MYSQL = new MariaDbOperationRenderer(false, true);

    /** MariaDB's, for a session whose SQL mode has {@code NO_BACKSLASH_ESCAPES}. */
    static final MariaDbOperationRenderer MARIADB_NO_BACKSLASH_ESCAPES = new MariaDbOperationRenderer(true, false);

    /** MySQL's, for a session whose SQL mode has {@code NO_BACKSLASH_ESCAPES}. */
    static final MariaDbOperationRenderer MYSQL_NO_BACKSLASH_ESCAPES = new MariaDbOperationRenderer(false, false);

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    /** MariaDB rather than MySQL: it has sequences and {@code DROP INDEX IF EXISTS}. */
    private final boolean mariaDb;
    /** Whether a backslash in a string is written doubled: not where the SQL mode has {@code NO_BACKSLASH_ESCAPES}. */
    private final boolean backslashEscapes;

    /** Prefer {@link #INSTANCE}. */
    public MariaDbOperationRenderer() {
        this(true, true);
    }

    private MariaDbOperationRenderer(boolean mariaDb, boolean backslashEscapes) {
        this.mariaDb = mariaDb;
        this.backslashEscapes = backslashEscapes;
    }

    @Override
    protected String databaseName() {
        return "MariaDB/MySQL";
    }

    /** MariaDB 10.3+'s {@code CREATE SEQUENCE}; MySQL has none. */
    @Override
    protected List<String> createSequence(Operation.CreateSequence s) {
        requireSequences("createSequence(" + s.name() + ")");
        return super.createSequence(s);
    }

    @Override
    protected List<String> dropSequence(Operation.DropSequence s) {
        requireSequences("dropSequence(" + s.name() + ")");
        return super.dropSequence(s);
    }

    private void requireSequences(String call) {
        if (!mariaDb) {
            throw new OperationNotSupportedException(call + ": MySQL has no sequences (MariaDB has them since"
                    + " 10.3); use an AUTO_INCREMENT column (Column.autoincrement()) instead");
        }
    }

    @Override
    protected int maxIdentifierLength() {
        return 64;
    }

    @Override
    protected Set<String> reservedWords() {
        return MariaDbOperationKeywords.WORDS;
    }

    @Override
    protected char quoteCharacter() {
        return '`';
    }

    @Override
    protected String sqlType(Type type, String table, String column) {
        return switch (type.kind()) {
            case UUID -> "CHAR(36)";
            case STRING -> {
                if (type.length() == 0) {
                    throw new OperationNotSupportedException("Column " + table + "." + column + " is a string without"
                            + " a length, which MariaDB/MySQL do not have; use Type.string(n) or Type.TEXT");
                }
                yield "VARCHAR(" + type.length() + ")";
            }
            case TEXT -> "TEXT";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case NUMERIC -> "DECIMAL(" + type.precision() + ", " + type.scale() + ")";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case DATE -> "DATE";
            case TIME -> "TIME(6)";
            case TIMESTAMP -> "DATETIME(6)";
            case TIMESTAMPTZ -> "TIMESTAMP(6)";
            case JSON -> "JSON";
            case JSONB -> throw unsupportedType(type, table, column, "use Type.JSON (MariaDB/MySQL's JSON)");
            case BYTES -> "LONGBLOB";
            case ENUM -> "ENUM(" + enumValues(type) + ")";
            case SQL -> type.sql();
        };
    }

    /** {@code NULL} is explicit for TIMESTAMP columns, which some servers make NOT NULL otherwise. */
    @Override
    protected String nullability(Type type, boolean nullable) {
        return nullable ? (type.kind() == TypeKind.TIMESTAMPTZ ? " NULL" : "") : " NOT NULL";
    }

    @Override
    protected String identityClause() {
        return "AUTO_INCREMENT";
    }

    @Override
    protected boolean inlineComments() {
        return true;
    }

    @Override
    protected String tableOptions(String comment) {
        return comment == null ? "" : " COMMENT=" + stringLiteral(comment);
    }

    /** {@code ALTER TABLE t COMMENT '...'}; an empty comment removes it. */
    @Override
    protected String tableComment(String table, String comment) {
        return "ALTER TABLE " + identifier(table) + " COMMENT " + stringLiteral(comment == null ? "" : comment);
    }

    @Override
    protected boolean mysqlLexicalRules() {
        return true;
    }

    @Override
    protected boolean backslashEscapes() {
        return this.backslashEscapes;
    }

    @Override
    protected String stringLiteral(String text) {
        if (!this.backslashEscapes) {
            return super.stringLiteral(text);
        }
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * The UTC date and time converted to the session's zone: MariaDB/MySQL literals have no offset and
     * TIMESTAMP columns read a value in the session's zone, so a plain UTC literal would be stored shifted
     * by the session's offset. (In the hour a zone with daylight saving time repeats, the local time
     * names two instants; the server takes one of them.)
     */
    @Override
    protected String timestampTzLiteral(String text) {
        OffsetDateTime t = OffsetDateTime.parse(text.replace(' ', 'T'));
        return "CONVERT_TZ(TIMESTAMP '" + UTC.format(t.withOffsetSameInstant(ZoneOffset.UTC))
                + "', '+00:00', @@session.time_zone)";
    }

    @Override
    protected String renameTable(String table, String newName) {
        return "RENAME TABLE " + identifier(table) + " TO " + identifier(newName);
    }

    @Override
    protected String dropConstraint(Operation.DropConstraint d) {
        return switch (d.kind()) {
            case PRIMARY_KEY -> "DROP PRIMARY KEY";
            case FOREIGN_KEY -> "DROP FOREIGN KEY " + constraintName(d.name());
            case UNIQUE -> "DROP INDEX " + constraintName(d.name());
            case CHECK -> "DROP CONSTRAINT " + constraintName(d.name());
        };
    }

    /**
     * MariaDB: a dropped foreign key's index goes with it. InnoDB creates an index of the key's name for a
     * foreign key whose columns have none and keeps it when the key is dropped; left behind, it would read as
     * a stray index (and autogenerate would then drop it). MySQL has no {@code DROP INDEX IF EXISTS}: there
     * the index stays.
     */
    @Override
    protected List<String> afterDropConstraint(Operation.DropConstraint d) {
        if (d.kind() != ConstraintKind.FOREIGN_KEY || !mariaDb) {
            return List.of();
        }
        return List.of("DROP INDEX IF EXISTS " + constraintName(d.name()) + " ON " + identifier(d.table()));
    }

    @Override
    protected List<String> dropIndex(Operation.DropIndex d) {
        if (d.concurrently()) {
            return super.dropIndex(d);
        }
        return List.of("DROP INDEX " + constraintName(d.name()) + " ON " + identifier(d.table()));
    }

    /**
     * A default alone is {@code ALTER COLUMN c SET/DROP DEFAULT} and a rename alone {@code RENAME COLUMN}
     * (a statement of its own, after the default's);
     * any other change restates the column with {@code MODIFY} (or {@code CHANGE} when also renamed), from
     * the new values and the existing ones ({@code AUTO_INCREMENT} restated when the column has it, as
     * {@code MODIFY} would drop it).
     */
    @Override
    protected AlterActions alterColumn(Operation.AlterColumn a) {
        String using = using(a);
        boolean restate = !using.isEmpty() || a.type() != null || a.nullable() != null || a.comment() != null || a.dropComment();
        List<String> actions = new ArrayList<>();
        if (!restate) {
            if (a.serverDefault() != null) {
                actions.add("ALTER COLUMN " + identifier(a.column()) + " SET DEFAULT " + a.serverDefault());
            } else if (a.dropServerDefault()) {
                actions.add("ALTER COLUMN " + identifier(a.column()) + " DROP DEFAULT");
            }
            // A rename of its own, after the default: one ALTER TABLE reads every action against the old names.
            List<String> after = a.newName() == null ? List.of()
                    : List.of(renameColumn(a.table(), a.column(), a.newName()));
            return new AlterActions(List.of(), actions, after);
        }
        Type type = a.type() != null ? a.type() : a.existingType();
        Boolean nullable = a.nullable() != null ? a.nullable() : a.existingNullable();
        if (type == null || nullable == null) {
            String missing = type == null && nullable == null ? "existingType and existingNullable"
                    : type == null ? "existingType" : "existingNullable";
            throw new OperationNotSupportedException("alterColumn(" + a.table() + "." + a.column() + ") restates the"
                    + " whole column on MariaDB/MySQL (MODIFY/CHANGE), so it needs the column's current definition:"
                    + " give " + missing + " (and existingServerDefault / existingComment when it has them)");
        }
        String def = a.dropServerDefault() ? null : a.serverDefault() != null ? a.serverDefault()
                : a.existingServerDefault();
        String comment = a.dropComment() ? null : a.comment() != null ? a.comment() : a.existingComment();
        String name = a.newName() != null ? a.newName() : a.column();
        StringBuilder sql = new StringBuilder(a.newName() != null
                ? "CHANGE " + identifier(a.column()) + " " + identifier(name) : "MODIFY " + identifier(name));
        sql.append(' ').append(sqlType(type, a.table(), a.column()));
        if (a.existingAutoincrement()) {
            sql.append(' ').append(identityClause());
        }
        if (def != null) {
            sql.append(" DEFAULT ").append(def);
        }
        sql.append(nullability(type, nullable));
        if (comment != null) {
            sql.append(" COMMENT ").append(stringLiteral(comment));
        }
        return AlterActions.of(sql.toString());
    }
}
