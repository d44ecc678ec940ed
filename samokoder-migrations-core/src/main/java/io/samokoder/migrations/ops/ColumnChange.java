package io.samokoder.migrations.ops;

/**
 * The changes of one {@link Operations#alterColumn} call, and what the column is now where a database
 * needs to restate it (Alembic's {@code existing_type}, {@code existing_nullable}, ...). A builder,
 * used only inside the call.
 */
public final class ColumnChange {

    private Type type;
    private String using;
    private Boolean nullable;
    private String serverDefault;
    private boolean dropServerDefault;
    private String newName;
    private String comment;
    private boolean dropComment;
    private Type existingType;
    private Boolean existingNullable;
    private String existingServerDefault;
    private String existingComment;
    private boolean existingAutoincrement;

    ColumnChange() {
    }

    /** Changes the type. */
    public ColumnChange type(Type newType) {
        this.type = newType;
        return this;
    }

    /** How existing values convert to the new type, e.g. {@code "age::integer"} (PostgreSQL's USING; PostgreSQL only). */
    public ColumnChange using(String sqlExpression) {
        this.using = sqlExpression;
        return this;
    }

    /** Makes the column nullable or not null. */
    public ColumnChange nullable(boolean accepts) {
        this.nullable = accepts;
        return this;
    }

    /** Sets the default to a SQL expression, e.g. {@code "0"} or {@code "'new'"}. */
    public ColumnChange serverDefault(String sqlExpression) {
        this.serverDefault = sqlExpression;
        return this;
    }

    /** Drops the default. */
    public ColumnChange dropServerDefault() {
        this.dropServerDefault = true;
        return this;
    }

    /** Renames the column. */
    public ColumnChange rename(String name) {
        this.newName = name;
        return this;
    }

    /** Sets the comment. */
    public ColumnChange comment(String text) {
        this.comment = text;
        return this;
    }

    /** Drops the comment. */
    public ColumnChange dropComment() {
        this.dropComment = true;
        return this;
    }

    /** The column's current type (MariaDB/MySQL need it to restate the column). */
    public ColumnChange existingType(Type current) {
        this.existingType = current;
        return this;
    }

    /** The column's current nullability (MariaDB/MySQL need it to restate the column). */
    public ColumnChange existingNullable(boolean current) {
        this.existingNullable = current;
        return this;
    }

    /** The column's current default expression; not given means it has none. */
    public ColumnChange existingServerDefault(String current) {
        this.existingServerDefault = current;
        return this;
    }

    /** The column's current comment; not given means it has none. */
    public ColumnChange existingComment(String current) {
        this.existingComment = current;
        return this;
    }

    /** Whether the column generates its values now (MariaDB/MySQL restate {@code AUTO_INCREMENT}); not given means no. */
    public ColumnChange existingAutoincrement(boolean current) {
        this.existingAutoincrement = current;
        return this;
    }

    Operation.AlterColumn toOperation(String table, String column) {
        if (type == null && nullable == null && serverDefault == null && !dropServerDefault && newName == null
                && comment == null && !dropComment) {
            throw new IllegalArgumentException(where(table, column) + " changes nothing: call type, nullable,"
                    + " serverDefault, dropServerDefault, rename, comment or dropComment");
        }
        if (using != null && type == null) {
            throw new IllegalArgumentException(where(table, column) + " has using(" + using + ") but no new type");
        }
        if (serverDefault != null && dropServerDefault) {
            throw new IllegalArgumentException(where(table, column) + " both sets and drops the server default");
        }
        if (comment != null && dropComment) {
            throw new IllegalArgumentException(where(table, column) + " both sets and drops the comment");
        }
        if (serverDefault != null && serverDefault.isBlank()) {
            throw new IllegalArgumentException(where(table, column) + ": the server default is blank; give a SQL"
                    + " expression");
        }
        if (newName != null && newName.isBlank()) {
            throw new IllegalArgumentException(where(table, column) + ": the new column needs a name");
        }
        return new Operation.AlterColumn(table, column, type, using, nullable, serverDefault, dropServerDefault, newName,
                comment, dropComment, existingType, existingNullable, existingServerDefault, existingComment,
                existingAutoincrement);
    }

    private static String where(String table, String column) {
        return "alterColumn(" + table + "." + column + ")";
    }
}
