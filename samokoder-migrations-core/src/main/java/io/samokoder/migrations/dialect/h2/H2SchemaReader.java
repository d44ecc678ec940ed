package io.samokoder.migrations.dialect.h2;

import io.samokoder.migrations.dialect.CatalogTables;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.IndexElement;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaReader;
import io.samokoder.migrations.schema.SchemaSequence;
import io.samokoder.migrations.schema.TableFilter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tables and sequences of {@code SCHEMA()} from H2 2.x's {@code INFORMATION_SCHEMA}, in a few
 * whole-schema queries. A name H2 keeps in upper case (it was not quoted) reads in lower case, as SQLAlchemy
 * gives it; an enum is named after its column (H2 does not name enum types); identity columns read as
 * autoincrement; indexes backing a constraint are left out.
 */
final class H2SchemaReader implements SchemaReader {

    static final H2SchemaReader INSTANCE = new H2SchemaReader();

    /** H2's length of a VARCHAR or VARBINARY declared without one. */
    private static final long UNBOUNDED = 1_000_000_000L;

    private static final String TABLES = "SELECT TABLE_NAME, REMARKS FROM INFORMATION_SCHEMA.TABLES"
            + " WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_TYPE = 'BASE TABLE'";

    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
            + " NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, REMARKS, DTD_IDENTIFIER"
            + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA() ORDER BY TABLE_NAME, ORDINAL_POSITION";

    private static final String ENUMS = "SELECT OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME"
            + " FROM INFORMATION_SCHEMA.ENUM_VALUES WHERE OBJECT_SCHEMA = SCHEMA() AND OBJECT_TYPE = 'TABLE'"
            + " ORDER BY OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL";

    private static final String CONSTRAINTS = "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, t.CONSTRAINT_TYPE,"
            + " k.COLUMN_NAME, u.TABLE_NAME, u.COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE"
            + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t"
            + " ON t.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
            + " LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r"
            + " ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
            + " LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE u ON u.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA"
            + " AND u.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME AND u.ORDINAL_POSITION = k.POSITION_IN_UNIQUE_CONSTRAINT"
            + " WHERE k.TABLE_SCHEMA = SCHEMA() AND t.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')"
            + " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    private static final String INDEXES = "SELECT c.TABLE_NAME, c.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME"
            + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS c JOIN INFORMATION_SCHEMA.INDEXES i"
            + " ON i.INDEX_SCHEMA = c.INDEX_SCHEMA AND i.INDEX_NAME = c.INDEX_NAME"
            + " WHERE c.TABLE_SCHEMA = SCHEMA() AND i.INDEX_TYPE_NAME IN ('INDEX', 'UNIQUE INDEX')"
            + " AND NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t"
            + " WHERE t.INDEX_SCHEMA = c.INDEX_SCHEMA AND t.INDEX_NAME = c.INDEX_NAME)"
            + " ORDER BY c.TABLE_NAME, c.INDEX_NAME, c.ORDINAL_POSITION";

    private static final String SEQUENCES = "SELECT SEQUENCE_NAME, START_VALUE, INCREMENT"
            + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = SCHEMA()";

    private H2SchemaReader() {
    }

    @Override
    public Schema read(Connection connection, TableFilter filter) throws SQLException {
        CatalogTables out = new CatalogTables(filter);
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(TABLES)) {
                while (rs.next()) {
                    out.table(fold(rs.getString(1)), rs.getString(2));
                }
            }
            Map<List<String>, List<String>> enums = new HashMap<>();
            try (ResultSet rs = st.executeQuery(ENUMS)) {
                while (rs.next()) {
                    enums.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(rs.getString(3));
                }
            }
            try (ResultSet rs = st.executeQuery(COLUMNS)) {
                while (rs.next()) {
                    out.column(fold(rs.getString(1)), column(rs, enums));
                }
            }
            constraints(st, out);
            indexes(st, out);
            try (ResultSet rs = st.executeQuery(SEQUENCES)) {
                while (rs.next()) {
                    out.sequence(new SchemaSequence(fold(rs.getString(1)), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return out.schema();
    }

    /** An all-upper-case name (H2's fold of an unquoted one) in lower case; any other name as it is. */
    static String fold(String name) {
        if (name == null) {
            return null;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals(name) && !upper.equals(name.toLowerCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT)
                : name;
    }

    private static Column column(ResultSet rs, Map<List<String>, List<String>> enums) throws SQLException {
        String name = fold(rs.getString(2));
        Type type = type(rs, name, enums.getOrDefault(List.of(rs.getString(1), rs.getString(11)), List.of()));
        boolean identity = "YES".equals(rs.getString(9));
        Column column = new Column(name, type, "YES".equals(rs.getString(7)), false, false, identity,
                identity ? null : rs.getString(8), null);
        String comment = CatalogTables.blankToNull(rs.getString(10));
        return comment == null ? column : column.comment(comment);
    }

    private static Type type(ResultSet rs, String column, List<String> enumValues) throws SQLException {
        String dataType = rs.getString(3);
        long length = rs.getLong(4);
        return switch (dataType) {
            case "CHARACTER VARYING" -> length >= UNBOUNDED ? Type.TEXT : Type.string((int) length);
            case "UUID" -> Type.UUID;
            case "SMALLINT" -> Type.SMALLINT;
            case "INTEGER" -> Type.INTEGER;
            case "BIGINT" -> Type.BIGINT;
            case "BOOLEAN" -> Type.BOOLEAN;
            case "NUMERIC" -> Type.numeric(rs.getInt(5), rs.getInt(6));
            case "REAL" -> Type.FLOAT;
            case "DOUBLE PRECISION" -> Type.DOUBLE;
            case "DATE" -> Type.DATE;
            case "TIME" -> Type.TIME;
            case "TIMESTAMP" -> Type.TIMESTAMP;
            case "TIMESTAMP WITH TIME ZONE" -> Type.TIMESTAMPTZ;
            case "JSON" -> Type.JSON;
            case "BINARY VARYING" -> length >= UNBOUNDED ? Type.BYTES : Type.sql("VARBINARY(" + length + ")");
            case "ENUM" -> Type.enumOf(column, enumValues.toArray(String[]::new));
            case "CHARACTER", "BINARY" -> Type.sql(dataType + "(" + length + ")");
            default -> Type.sql(dataType);
        };
    }

    private static void constraints(Statement st, CatalogTables out) throws SQLException {
        try (ResultSet rs = st.executeQuery(CONSTRAINTS)) {
            while (rs.next()) {
                out.keyColumn(fold(rs.getString(1)), fold(rs.getString(2)), rs.getString(3), fold(rs.getString(4)),
                        fold(rs.getString(5)), fold(rs.getString(6)), rs.getString(7), rs.getString(8));
            }
        }
    }

    private static void indexes(Statement st, CatalogTables out) throws SQLException {
        Map<List<String>, List<IndexElement>> elements = new LinkedHashMap<>();
        Set<List<String>> unique = new HashSet<>();
        try (ResultSet rs = st.executeQuery(INDEXES)) {
            while (rs.next()) {
                List<String> id = List.of(fold(rs.getString(1)), fold(rs.getString(2)));
                elements.computeIfAbsent(id, k -> new ArrayList<>()).add(new IndexElement(fold(rs.getString(4)), false));
                if ("UNIQUE INDEX".equals(rs.getString(3))) {
                    unique.add(id);
                }
            }
        }
        elements.forEach((id, list) -> out.index(new Index(id.get(1), id.get(0), list, unique.contains(id), null,
                false)));
    }
}
