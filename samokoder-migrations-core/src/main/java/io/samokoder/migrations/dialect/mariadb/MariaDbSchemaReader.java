package io.samokoder.migrations.dialect.mariadb;

import io.samokoder.migrations.dialect.CatalogTables;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.IndexElement;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.TypeKind;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaReader;
import io.samokoder.migrations.schema.SchemaSequence;
import io.samokoder.migrations.schema.TableFilter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tables of {@code DATABASE()} from {@code information_schema}, in a few whole-database queries.
 * Unique indexes are the unique constraints; an index InnoDB made for a foreign key (it has the key's name)
 * is left out; the primary key is named {@code PRIMARY}, as these databases name it. Defaults read as the
 * renderer writes them: {@code current_timestamp()} as {@code CURRENT_TIMESTAMP}, a boolean's {@code 1}
 * (or {@code b'1'} of a {@code bit(1)}) as {@code TRUE}, a string as a quoted literal. MariaDB's sequences
 * are tables of type SEQUENCE (MySQL has none). See {@link MariaDbTypes} for the types.
 */
final class MariaDbSchemaReader implements SchemaReader {

    static final MariaDbSchemaReader MARIADB = new MariaDbSchemaReader(false);
    static final MariaDbSchemaReader MYSQL = new MariaDbSchemaReader(true);

    private static final String TABLES = "SELECT table_name, table_type, table_comment FROM information_schema.tables"
            + " WHERE table_schema = DATABASE() AND table_type IN ('BASE TABLE', 'SEQUENCE')";

    private static final String COLUMNS = "SELECT table_name, column_name, column_type, is_nullable, column_default,"
            + " extra, column_comment FROM information_schema.columns WHERE table_schema = DATABASE()"
            + " ORDER BY table_name, ordinal_position";

    private static final String CHECKS = "SELECT table_name, check_clause FROM information_schema.check_constraints"
            + " WHERE constraint_schema = DATABASE()";

    private static final String CONSTRAINTS = "SELECT k.table_name, k.constraint_name, t.constraint_type, k.column_name,"
            + " k.referenced_table_name, k.referenced_column_name, r.delete_rule, r.update_rule"
            + " FROM information_schema.key_column_usage k JOIN information_schema.table_constraints t"
            + " ON t.constraint_schema = k.constraint_schema AND t.table_name = k.table_name"
            + " AND t.constraint_name = k.constraint_name"
            + " LEFT JOIN information_schema.referential_constraints r ON r.constraint_schema = k.constraint_schema"
            + " AND r.table_name = k.table_name AND r.constraint_name = k.constraint_name"
            + " WHERE k.table_schema = DATABASE() AND t.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')"
            + " ORDER BY k.table_name, k.constraint_name, k.ordinal_position";

    private static final String INDEXES = "SELECT table_name, index_name, non_unique, column_name, %s"
            + " FROM information_schema.statistics WHERE table_schema = DATABASE()"
            + " ORDER BY table_name, index_name, seq_in_index";

    private static final Pattern JSON_VALID = Pattern.compile("json_valid\\(`((?:[^`]|``)+)`\\)",
            Pattern.CASE_INSENSITIVE);
    /** A boolean's default as MariaDB and MySQL show it: a number, or a bit literal for a {@code bit(1)}. */
    private static final Set<String> BOOLEAN_TRUE = Set.of("1", "b'1'");
    private static final Set<String> BOOLEAN_FALSE = Set.of("0", "b'0'");
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile("current_timestamp(?:\\(\\))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENT_TIMESTAMP_N = Pattern.compile("current_timestamp\\((\\d)\\)",
            Pattern.CASE_INSENSITIVE);

    private final boolean mysql;

    private MariaDbSchemaReader(boolean mysql) {
        this.mysql = mysql;
    }

    @Override
    public Schema read(Connection connection, TableFilter filter) throws SQLException {
        CatalogTables out = new CatalogTables(filter);
        List<String> sequences = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(TABLES)) {
                while (rs.next()) {
                    if ("SEQUENCE".equals(rs.getString(2))) {
                        sequences.add(rs.getString(1));
                    } else {
                        out.table(rs.getString(1), rs.getString(3));
                    }
                }
            }
            Set<List<String>> jsonColumns = mysql ? Set.of() : jsonColumns(st);
            try (ResultSet rs = st.executeQuery(COLUMNS)) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (out.has(table)) {
                        out.column(table, column(rs, jsonColumns.contains(List.of(table, rs.getString(2)))));
                    }
                }
            }
            constraints(st, out);
            indexes(st, out);
            for (String name : sequences) {
                try (ResultSet rs = st.executeQuery("SELECT start_value, increment FROM `" + name.replace("`", "``")
                        + "`")) {
                    if (rs.next()) {
                        out.sequence(new SchemaSequence(name, rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
        }
        return out.schema();
    }

    private static Set<List<String>> jsonColumns(Statement st) throws SQLException {
        Set<List<String>> out = new HashSet<>();
        try (ResultSet rs = st.executeQuery(CHECKS)) {
            while (rs.next()) {
                Matcher m = JSON_VALID.matcher(rs.getString(2).strip());
                if (m.matches()) {
                    out.add(List.of(rs.getString(1), m.group(1).replace("``", "`")));
                }
            }
        }
        return out;
    }

    private Column column(ResultSet rs, boolean jsonCheck) throws SQLException {
        String name = rs.getString(2);
        Type type = MariaDbTypes.type(name, rs.getString(3), jsonCheck);
        String extra = rs.getString(6) == null ? "" : rs.getString(6).toLowerCase(Locale.ROOT);
        boolean autoincrement = extra.contains("auto_increment");
        String def = autoincrement ? null : serverDefault(type, rs.getString(5), extra.contains("default_generated"));
        Column column = new Column(name, type, "YES".equals(rs.getString(4)), false, false, autoincrement, def, null);
        String comment = CatalogTables.blankToNull(rs.getString(7));
        return comment == null ? column : column.comment(comment);
    }

    /** The default as the renderer writes it, from MariaDB's (quoted literals) or MySQL's (bare text) form. */
    String serverDefault(Type type, String shown, boolean generated) {
        if (shown == null || (!mysql && "NULL".equals(shown))) {
            return null;
        }
        String text = shown.strip();
        if (CURRENT_TIMESTAMP.matcher(text).matches()) {
            return "CURRENT_TIMESTAMP";
        }
        Matcher m = CURRENT_TIMESTAMP_N.matcher(text);
        if (m.matches()) {
            return "CURRENT_TIMESTAMP(" + m.group(1) + ")";
        }
        if (type.kind() == TypeKind.BOOLEAN && BOOLEAN_TRUE.contains(text)) {
            return "TRUE";
        }
        if (type.kind() == TypeKind.BOOLEAN && BOOLEAN_FALSE.contains(text)) {
            return "FALSE";
        }
        if (mysql && !generated && !MariaDbTypes.isNumber(type)) {
            return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
        }
        return text;
    }

    private static void constraints(Statement st, CatalogTables out) throws SQLException {
        try (ResultSet rs = st.executeQuery(CONSTRAINTS)) {
            while (rs.next()) {
                out.keyColumn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8));
            }
        }
    }

    /** The indexes that are neither the primary key, a unique constraint, nor InnoDB's index of a foreign key. */
    private void indexes(Statement st, CatalogTables out) throws SQLException {
        Map<List<String>, List<IndexElement>> elements = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery(INDEXES.formatted(mysql ? "expression" : "NULL"))) {
            while (rs.next()) {
                String table = rs.getString(1);
                String name = rs.getString(2);
                boolean unique = rs.getInt(3) == 0;
                if (unique || out.hasForeignKey(table, name) || !out.has(table)) {
                    continue;
                }
                String column = rs.getString(4);
                elements.computeIfAbsent(List.of(table, name), k -> new ArrayList<>())
                        .add(column != null ? new IndexElement(column, false) : new IndexElement(rs.getString(5), true));
            }
        }
        elements.forEach((id, list) -> out.index(new Index(id.get(1), id.get(0), list, false, null, false)));
    }
}
