package io.samokoder.migrations.dialect.postgresql;

import io.samokoder.migrations.dialect.CatalogTables;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.IndexElement;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaReader;
import io.samokoder.migrations.schema.SchemaSequence;
import io.samokoder.migrations.schema.TableFilter;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tables and sequences of {@code current_schema()} from {@code pg_catalog}, in six whole-schema
 * queries. Identity and serial columns read as autoincrement without their generated default, and their
 * sequences are left out; a generated column's expression is not a default; a literal default loses its
 * redundant cast ({@code 'x'::character varying} reads {@code 'x'}, {@code '-1'::integer} reads {@code -1}),
 * and {@code true}/{@code false} read as the renderer writes them ({@code TRUE}/{@code FALSE}); indexes
 * backing a primary key or unique constraint are left out. See {@link PostgresTypes} for the types.
 */
final class PostgresSchemaReader implements SchemaReader {

    static final PostgresSchemaReader INSTANCE = new PostgresSchemaReader();

    private static final String TABLES = "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
            + " AND c.relkind IN ('r', 'p') AND NOT c.relispartition";

    private static final String COLUMNS = columns("a.attgenerated");

    /** PostgreSQL 11 has no generated columns, nor {@code pg_attribute.attgenerated}. */
    private static final String COLUMNS_BEFORE_12 = columns("''::\"char\"");

    private static final String ENUMS = "SELECT e.enumtypid, e.enumlabel FROM pg_enum e WHERE e.enumtypid IN"
            + " (SELECT a.atttypid FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema())"
            + " ORDER BY e.enumtypid, e.enumsortorder";

    private static final String CONSTRAINTS = "SELECT c.relname, k.conname, k.contype,"
            + " array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(num, pos) JOIN pg_attribute a"
            + " ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.pos),"
            + " f.relname,"
            + " array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(num, pos) JOIN pg_attribute a"
            + " ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.pos),"
            + " k.confdeltype, k.confupdtype"
            + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_class f ON f.oid = k.confrelid"
            + " WHERE n.nspname = current_schema() AND k.contype IN ('p', 'u', 'f')";

    private static final String INDEXES = "SELECT c.relname, i.relname, x.indisunique,"
            + " array(SELECT CASE WHEN x.indkey[k - 1] = 0 THEN 'e' ELSE 'c' END"
            + " FROM generate_series(1, x.indnkeyatts) k ORDER BY k),"
            + " array(SELECT coalesce(a.attname, pg_get_indexdef(x.indexrelid, k, true))"
            + " FROM generate_series(1, x.indnkeyatts) k LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid"
            + " AND a.attnum = x.indkey[k - 1] AND x.indkey[k - 1] <> 0 ORDER BY k),"
            + " pg_get_expr(x.indpred, x.indrelid, true)"
            + " FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid"
            + " AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))";

    private static final String SEQUENCES = "SELECT c.relname, s.seqstart, s.seqincrement FROM pg_sequence s"
            + " JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_depend d"
            + " WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid AND d.deptype IN ('a', 'i')"
            + " AND d.refobjsubid > 0)";

    private static final Pattern CAST_LITERAL = Pattern.compile(
            "^\\(?('(?:[^']|'')*')\\)?::(\"[^\"]+\"|[a-z_][a-z0-9_ .]*)(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\[])?$",
            Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private PostgresSchemaReader() {
    }

    private static String columns(String generated) {
        return "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
                + " t.typtype, t.typname, a.attnotnull, a.attidentity, pg_get_expr(d.adbin, d.adrelid),"
                + " col_description(c.oid, a.attnum),"
                + " pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) IS NOT NULL, a.atttypid, "
                + generated + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0"
                + " AND NOT a.attisdropped ORDER BY c.relname, a.attnum";
    }

    @Override
    public Schema read(Connection connection, TableFilter filter) throws SQLException {
        CatalogTables out = new CatalogTables(filter);
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(TABLES)) {
                while (rs.next()) {
                    out.table(rs.getString(1), rs.getString(2));
                }
            }
            Map<Long, List<String>> enums = enums(st);
            String columns = connection.getMetaData().getDatabaseMajorVersion() >= 12 ? COLUMNS : COLUMNS_BEFORE_12;
            try (ResultSet rs = st.executeQuery(columns)) {
                while (rs.next()) {
                    out.column(rs.getString(1), column(rs, enums));
                }
            }
            try (ResultSet rs = st.executeQuery(CONSTRAINTS)) {
                while (rs.next()) {
                    constraint(rs, out);
                }
            }
            try (ResultSet rs = st.executeQuery(INDEXES)) {
                while (rs.next()) {
                    out.index(index(rs));
                }
            }
            try (ResultSet rs = st.executeQuery(SEQUENCES)) {
                while (rs.next()) {
                    out.sequence(new SchemaSequence(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return out.schema();
    }

    private static Map<Long, List<String>> enums(Statement st) throws SQLException {
        Map<Long, List<String>> enums = new HashMap<>();
        try (ResultSet rs = st.executeQuery(ENUMS)) {
            while (rs.next()) {
                enums.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return enums;
    }

    private static Column column(ResultSet rs, Map<Long, List<String>> enums) throws SQLException {
        String name = rs.getString(2);
        Type type = "e".equals(rs.getString(4))
                ? Type.enumOf(rs.getString(5), enums.getOrDefault(rs.getLong(11), List.of()).toArray(String[]::new))
                : PostgresTypes.type(rs.getString(3));
        String identity = rs.getString(7);
        String generated = rs.getString(12);
        String serverDefault = generated == null || generated.isEmpty() ? rs.getString(8) : null;
        boolean serial = serverDefault != null && serverDefault.startsWith("nextval(") && rs.getBoolean(10);
        boolean autoincrement = (identity != null && !identity.isEmpty()) || serial;
        Column column = new Column(name, type, !rs.getBoolean(6), false, false, autoincrement,
                autoincrement ? null : serverDefault(serverDefault), null);
        String comment = rs.getString(9);
        return comment == null ? column : column.comment(comment);
    }

    /** The default without the cast PostgreSQL adds to a literal; other expressions as they are. */
    static String serverDefault(String shown) {
        if (shown == null) {
            return null;
        }
        if ("true".equals(shown) || "false".equals(shown)) {
            return shown.toUpperCase(Locale.ROOT);
        }
        Matcher m = CAST_LITERAL.matcher(shown.strip());
        if (!m.matches()) {
            return shown;
        }
        String literal = m.group(1);
        String inner = literal.substring(1, literal.length() - 1);
        return NUMBER.matcher(inner).matches() && PostgresTypes.isNumeric(m.group(2)) ? inner : literal;
    }

    private static void constraint(ResultSet rs, CatalogTables out) throws SQLException {
        String table = rs.getString(1);
        String name = rs.getString(2);
        List<String> columns = strings(rs.getArray(4));
        switch (rs.getString(3)) {
            case "p" -> out.primaryKey(table, new PrimaryKey(name, columns));
            case "u" -> out.unique(table, new Unique(name, columns));
            default -> out.foreignKey(table, new ForeignKey(name, columns, rs.getString(5), strings(rs.getArray(6)),
                    CatalogTables.action(action(rs.getString(7))), CatalogTables.action(action(rs.getString(8))),
                    false));
        }
    }

    private static String action(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private static Index index(ResultSet rs) throws SQLException {
        List<String> kinds = strings(rs.getArray(4));
        List<String> texts = strings(rs.getArray(5));
        List<IndexElement> elements = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            elements.add(new IndexElement(texts.get(i), "e".equals(kinds.get(i))));
        }
        return new Index(rs.getString(2), rs.getString(1), elements, rs.getBoolean(3), rs.getString(6), false);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            Object[] values = (Object[]) array.getArray();
            List<String> out = new ArrayList<>(values.length);
            for (Object v : values) {
                out.add(String.valueOf(v));
            }
            return out;
        } finally {
            array.free();
        }
    }
}
