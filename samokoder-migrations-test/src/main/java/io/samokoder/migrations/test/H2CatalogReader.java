package io.samokoder.migrations.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * H2's {@code INFORMATION_SCHEMA} (H2 2.x): tables, columns (type, nullability, default, identity,
 * generation), comments, indexes, constraints, views, sequences, domains, triggers and grants of the
 * connection's current schema. Indexes that H2 makes for a constraint are left to the constraint.
 */
final class H2CatalogReader extends InformationSchemaReader {

    private static final String TABLES = "SELECT TABLE_NAME, TABLE_TYPE, REMARKS FROM INFORMATION_SCHEMA.TABLES"
            + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA";

    private static final String VIEWS = "SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS"
            + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA";

    /** Columns, with an enum's values in order, quoted as in its type: {@code 'happy', 'sad'}. */
    private static final String COLUMNS = "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE,"
            + " c.CHARACTER_MAXIMUM_LENGTH, c.NUMERIC_PRECISION, c.NUMERIC_SCALE, c.DATETIME_PRECISION, c.IS_NULLABLE,"
            + " c.COLUMN_DEFAULT, c.IS_IDENTITY, c.IDENTITY_GENERATION, c.GENERATION_EXPRESSION, c.DOMAIN_NAME,"
            + " (SELECT LISTAGG('''' || REPLACE(e.VALUE_NAME, '''', '''''') || '''', ', ')"
            + "   WITHIN GROUP (ORDER BY e.VALUE_ORDINAL) FROM INFORMATION_SCHEMA.ENUM_VALUES e"
            + "   WHERE e.OBJECT_SCHEMA = c.TABLE_SCHEMA AND e.OBJECT_NAME = c.TABLE_NAME AND e.OBJECT_TYPE = 'TABLE'"
            + "   AND e.ENUM_IDENTIFIER = c.DTD_IDENTIFIER), c.REMARKS"
            + " FROM INFORMATION_SCHEMA.COLUMNS c WHERE c.TABLE_SCHEMA = CURRENT_SCHEMA";

    private static final String INDEXES = "SELECT i.INDEX_NAME, i.TABLE_NAME, i.INDEX_TYPE_NAME,"
            + " (SELECT LISTAGG(c.COLUMN_NAME || CASE WHEN c.ORDERING_SPECIFICATION = 'DESC' THEN ' DESC' ELSE '' END,"
            + "   ', ') WITHIN GROUP (ORDER BY c.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.INDEX_COLUMNS c"
            + "   WHERE c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME)"
            + " FROM INFORMATION_SCHEMA.INDEXES i WHERE i.INDEX_SCHEMA = CURRENT_SCHEMA AND NOT i.IS_GENERATED";

    private static String keyColumns(String alias) {
        return "(SELECT LISTAGG(k.COLUMN_NAME, ', ') WITHIN GROUP (ORDER BY k.ORDINAL_POSITION)"
                + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                + " WHERE k.CONSTRAINT_SCHEMA = " + alias + ".CONSTRAINT_SCHEMA"
                + " AND k.CONSTRAINT_NAME = " + alias + ".CONSTRAINT_NAME)";
    }

    private static final String CONSTRAINTS = "SELECT c.CONSTRAINT_NAME, c.TABLE_NAME, c.CONSTRAINT_TYPE, "
            + keyColumns("c") + ", u.TABLE_NAME, " + keyColumns("u") + ", r.UPDATE_RULE, r.DELETE_RULE, ch.CHECK_CLAUSE"
            + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c"
            + " LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA"
            + "   AND r.CONSTRAINT_NAME = c.CONSTRAINT_NAME"
            + " LEFT JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS u ON u.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA"
            + "   AND u.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME"
            + " LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS ch ON ch.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA"
            + "   AND ch.CONSTRAINT_NAME = c.CONSTRAINT_NAME"
            + " WHERE c.CONSTRAINT_SCHEMA = CURRENT_SCHEMA";

    private static final String SEQUENCES = "SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT, MINIMUM_VALUE,"
            + " MAXIMUM_VALUE, CACHE, CYCLE_OPTION FROM INFORMATION_SCHEMA.SEQUENCES"
            + " WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA";

    private static final String DOMAINS = "SELECT DOMAIN_NAME, DATA_TYPE, DOMAIN_DEFAULT"
            + " FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA = CURRENT_SCHEMA";

    private static final String TRIGGERS = "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE,"
            + " ACTION_TIMING || ' ' || EVENT_MANIPULATION || ' ' || COALESCE(JAVA_CLASS, '')"
            + " FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = CURRENT_SCHEMA";

    /** What users and roles were granted on the schema and on its tables and views (H2 grants no column). */
    private static final String GRANTS = "SELECT TABLE_NAME, NULL, LISTAGG(GRANTEE || ' ' || RIGHTS, ', ')"
            + " WITHIN GROUP (ORDER BY GRANTEE) FROM INFORMATION_SCHEMA.RIGHTS"
            + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND GRANTEDROLE IS NULL GROUP BY TABLE_NAME";

    /** Made after the queries above, which its constructor takes. */
    static final H2CatalogReader INSTANCE = new H2CatalogReader();

    private H2CatalogReader() {
        // The name H2 makes up for a constraint that has none: CONSTRAINT_4D.
        super(Pattern.compile("CONSTRAINT_[0-9A-F]+"), new Queries(TABLES, VIEWS, COLUMNS, INDEXES, TRIGGERS,
                GRANTS));
    }

    @Override
    String schemaKind() {
        return "schema";
    }

    @Override
    String table(ResultSet row) throws SQLException {
        return row.getString(2) + CatalogReader.comment(row.getString(3));
    }

    @Override
    String index(ResultSet row) throws SQLException {
        return row.getString(3) + " (" + row.getString(4) + ")";
    }

    @Override
    String constraints(Connection connection) {
        return CONSTRAINTS;
    }

    @Override
    void readMore(Statement st, SchemaSnapshot.Builder b) throws SQLException {
        try (ResultSet rs = st.executeQuery(SEQUENCES)) {
            while (rs.next()) {
                b.add("sequence " + rs.getString(1), rs.getString(2) + " START " + rs.getLong(3) + " INCREMENT "
                        + rs.getLong(4) + " MINVALUE " + rs.getLong(5) + " MAXVALUE " + rs.getLong(6) + " CACHE "
                        + rs.getLong(7) + ("YES".equals(rs.getString(8)) ? " CYCLE" : " NO CYCLE"), null);
            }
        }
        try (ResultSet rs = st.executeQuery(DOMAINS)) {
            while (rs.next()) {
                String defaultValue = rs.getString(3);
                b.add("domain " + rs.getString(1), rs.getString(2)
                        + (defaultValue == null ? "" : " DEFAULT " + defaultValue), null);
            }
        }
    }

    @Override
    String column(ResultSet rs) throws SQLException {
        String domain = rs.getString(13);
        StringBuilder def = new StringBuilder(domain != null ? domain : rs.getString(3));
        if (domain == null) {
            appendSize(def, rs);
        }
        if ("NO".equals(rs.getString(8))) {
            def.append(" NOT NULL");
        }
        String generation = rs.getString(12);
        String defaultValue = rs.getString(9);
        if ("YES".equals(rs.getString(10))) {
            def.append(" GENERATED ").append(rs.getString(11)).append(" AS IDENTITY");
        }
        else if (generation != null) {
            def.append(" GENERATED ALWAYS AS (").append(generation).append(')');
        }
        else if (defaultValue != null) {
            def.append(" DEFAULT ").append(defaultValue);
        }
        return def.append(CatalogReader.comment(rs.getString(15))).toString();
    }

    /**
     * The length, precision and scale that the type takes, or an enum's values, as it is written:
     * {@code CHARACTER VARYING(255)}, {@code ENUM('happy', 'sad')}.
     */
    private static void appendSize(StringBuilder def, ResultSet rs) throws SQLException {
        String type = rs.getString(3);
        long length = rs.getLong(4);
        boolean noLength = rs.wasNull();
        String values = rs.getString(14);
        if (values != null) {
            def.append('(').append(values).append(')');
        }
        else if (!noLength) {
            def.append('(').append(length).append(')');
        }
        else if (type.equals("NUMERIC") || type.equals("DECIMAL") || type.equals("DECFLOAT")) {
            def.append('(').append(rs.getLong(5));
            long scale = rs.getLong(6);
            if (!rs.wasNull() && !type.equals("DECFLOAT")) {
                def.append(", ").append(scale);
            }
            def.append(')');
        }
        else if (type.startsWith("TIME")) {
            def.append('(').append(rs.getLong(7)).append(')');
        }
    }
}
