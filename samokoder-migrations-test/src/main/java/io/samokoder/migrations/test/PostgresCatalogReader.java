package io.samokoder.migrations.test;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * PostgreSQL's catalog: tables (row level security), columns (type, nullability, default, identity,
 * generation), comments, indexes, constraints, row level security policies, sequences, views, materialized
 * views, enum and domain types, functions and triggers of {@code current_schema()}; what others were granted on
 * each table, column, view, sequence, type and function, and the default privileges of this schema and of all.
 */
final class PostgresCatalogReader implements CatalogReader {

    static final PostgresCatalogReader INSTANCE = new PostgresCatalogReader();

    private static final String NS = "(SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = pg_catalog.current_schema())";

    /**
     * What others than the owner were granted on an object, in order: {@code PUBLIC INSERT, reporting SELECT}.
     *
     * @param acl   the object's access list; for a kind whose default grants something to others (a function's
     *              {@code EXECUTE}, a type's {@code USAGE}), with that default put in for none, so that a
     *              default revoked and granted again reads as the default
     * @param owner the role that owns the object, whose own privileges are left out
     */
    private static String grants(String acl, String owner) {
        return "(SELECT pg_catalog.string_agg(g.privilege, ', ' ORDER BY g.privilege) FROM"
                + " (SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee) END"
                + "  || ' ' || a.privilege_type || CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END"
                + "  AS privilege FROM pg_catalog.aclexplode(" + acl + ") a WHERE a.grantee <> " + owner + ") g)";
    }

    private static String columns(String generated) {
        return "SELECT c.relname, a.attname,"
                + " pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, " + generated + ","
                + " c.relkind::text, pg_catalog.col_description(c.oid, a.attnum), " + grants("a.attacl", "c.relowner")
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid"
                + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
                + " WHERE c.relnamespace = " + NS + " AND c.relkind IN ('r', 'p', 'f', 'v', 'm')"
                + " AND a.attnum > 0 AND NOT a.attisdropped AND NOT (c.relname = ANY (?))";
    }

    private static final String TABLES = "SELECT c.relname, c.relkind::text,"
            + " pg_catalog.obj_description(c.oid, 'pg_class'), c.relrowsecurity, c.relforcerowsecurity, "
            + grants("c.relacl", "c.relowner")
            + " FROM pg_catalog.pg_class c"
            + " WHERE c.relnamespace = " + NS + " AND c.relkind IN ('r', 'p', 'f') AND NOT (c.relname = ANY (?))";

    private static final String COLUMNS = columns("a.attgenerated::text");

    /** PostgreSQL 11 has no generated columns, nor {@code pg_attribute.attgenerated}. */
    private static final String COLUMNS_BEFORE_12 = columns("''");

    private static final String INDEXES = "SELECT i.relname, t.relname, pg_catalog.pg_get_indexdef(i.oid), t.relkind"
            + " FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
            + " JOIN pg_catalog.pg_class t ON t.oid = x.indrelid"
            + " WHERE t.relnamespace = " + NS + " AND NOT (t.relname = ANY (?))";

    private static final String CONSTRAINTS = "SELECT k.conname, t.relname, pg_catalog.pg_get_constraintdef(k.oid)"
            + " FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class t ON t.oid = k.conrelid"
            + " WHERE k.connamespace = " + NS + " AND NOT (t.relname = ANY (?))";

    private static final String SEQUENCES = "SELECT c.relname, pg_catalog.format_type(s.seqtypid, NULL), s.seqstart,"
            + " s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, o.relname, "
            + grants("c.relacl", "c.relowner")
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid"
            + " LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid"
            + "   AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')"
            + " LEFT JOIN pg_catalog.pg_class o ON o.oid = d.refobjid"
            + " WHERE c.relnamespace = " + NS + " AND (o.relname IS NULL OR NOT (o.relname = ANY (?)))";

    private static final String VIEWS = "SELECT c.relname, c.relkind::text, pg_catalog.pg_get_viewdef(c.oid), "
            + grants("c.relacl", "c.relowner")
            + " FROM pg_catalog.pg_class c WHERE c.relnamespace = " + NS + " AND c.relkind IN ('v', 'm')";

    private static final String TYPES = "SELECT t.typname, t.typtype::text,"
            + " (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)"
            + "    FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),"
            + " pg_catalog.format_type(t.typbasetype, t.typtypmod), t.typnotnull,"
            + " (SELECT pg_catalog.string_agg(pg_catalog.pg_get_constraintdef(k.oid), ' ' ORDER BY k.conname)"
            + "    FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid), "
            + grants("COALESCE(t.typacl, pg_catalog.acldefault('T', t.typowner))", "t.typowner")
            + " FROM pg_catalog.pg_type t WHERE t.typnamespace = " + NS + " AND t.typtype IN ('e', 'd')";

    private static final String FUNCTIONS = "SELECT p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',"
            + " pg_catalog.pg_get_functiondef(p.oid), "
            + grants("COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner))", "p.proowner")
            + " FROM pg_catalog.pg_proc p WHERE p.pronamespace = " + NS + " AND p.prokind IN ('f', 'p')";

    private static final String TRIGGERS = "SELECT g.tgname, t.relname, pg_catalog.pg_get_triggerdef(g.oid)"
            + " FROM pg_catalog.pg_trigger g JOIN pg_catalog.pg_class t ON t.oid = g.tgrelid"
            + " WHERE t.relnamespace = " + NS + " AND NOT g.tgisinternal AND NOT (t.relname = ANY (?))";

    private static final String POLICIES = "SELECT p.policyname, p.tablename, p.permissive, p.cmd,"
            + " pg_catalog.array_to_string(p.roles, ', '), p.qual, p.with_check FROM pg_catalog.pg_policies p"
            + " WHERE p.schemaname = pg_catalog.current_schema() AND NOT (p.tablename = ANY (?))";

    /**
     * Default privileges ({@code ALTER DEFAULT PRIVILEGES}) of this schema and of every schema; the server keeps a
     * row only while it differs from the default.
     */
    private static final String DEFAULT_PRIVILEGES = "SELECT pg_catalog.pg_get_userbyid(d.defaclrole),"
            + " d.defaclobjtype::text, d.defaclnamespace <> 0, " + grants("d.defaclacl", "d.defaclrole")
            + " FROM pg_catalog.pg_default_acl d WHERE d.defaclnamespace IN (0, " + NS + ")";

    private PostgresCatalogReader() {
    }

    @Override
    public SchemaSnapshot read(Connection connection, Set<String> ignoredTables) throws SQLException {
        SchemaSnapshot.Builder b = SchemaSnapshot.builder();
        Array ignored = connection.createArrayOf("text", ignoredTables.toArray());
        try (ResultSet rs = query(connection, TABLES, ignored)) {
            while (rs.next()) {
                String security = rs.getBoolean(4) ? (rs.getBoolean(5) ? " FORCE ROW LEVEL SECURITY"
                        : " ROW LEVEL SECURITY") : "";
                b.add(table(rs.getString(1)), kind(rs.getString(2)) + security + granted(rs.getString(6))
                        + CatalogReader.comment(rs.getString(3)), null);
            }
        }
        try (ResultSet rs = query(connection, VIEWS, null)) {
            while (rs.next()) {
                String kind = rs.getString(2).equals("m") ? "materialized view " : "view ";
                b.add(kind + rs.getString(1), rs.getString(3).strip() + granted(rs.getString(4)), null);
            }
        }
        String columns = connection.getMetaData().getDatabaseMajorVersion() >= 12 ? COLUMNS : COLUMNS_BEFORE_12;
        try (ResultSet rs = query(connection, columns, ignored)) {
            while (rs.next()) {
                String relation = rs.getString(1);
                StringBuilder def = new StringBuilder(rs.getString(3));
                if (rs.getBoolean(4)) {
                    def.append(" NOT NULL");
                }
                String identity = rs.getString(6);
                String generated = rs.getString(7);
                String expression = rs.getString(5);
                if (identity != null && !identity.isEmpty()) {
                    def.append(identity.equals("a") ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
                }
                else if (generated != null && !generated.isEmpty() && expression != null) {
                    def.append(" GENERATED ALWAYS AS (").append(expression).append(") STORED");
                }
                else if (expression != null) {
                    def.append(" DEFAULT ").append(expression);
                }
                def.append(CatalogReader.comment(rs.getString(9))).append(granted(rs.getString(10)));
                boolean view = rs.getString(8).equals("v") || rs.getString(8).equals("m");
                String owner = view ? (rs.getString(8).equals("m") ? "materialized view " : "view ") + relation
                        : table(relation);
                b.add("column " + relation + "." + rs.getString(2), def.toString(), owner);
            }
        }
        try (ResultSet rs = query(connection, INDEXES, ignored)) {
            while (rs.next()) {
                // An index belongs to its table, or to a materialized view: it goes when its owner goes.
                String owner = rs.getString(4).equals("m") ? "materialized view " + rs.getString(2)
                        : table(rs.getString(2));
                b.add("index " + rs.getString(1) + " on " + rs.getString(2), rs.getString(3), owner);
            }
        }
        try (ResultSet rs = query(connection, CONSTRAINTS, ignored)) {
            while (rs.next()) {
                b.add("constraint " + rs.getString(1) + " on " + rs.getString(2), rs.getString(3), table(rs.getString(2)));
            }
        }
        try (ResultSet rs = query(connection, SEQUENCES, ignored)) {
            while (rs.next()) {
                String def = rs.getString(2) + " START " + rs.getLong(3) + " INCREMENT " + rs.getLong(4)
                        + " MINVALUE " + rs.getLong(5) + " MAXVALUE " + rs.getLong(6) + " CACHE " + rs.getLong(7)
                        + (rs.getBoolean(8) ? " CYCLE" : " NO CYCLE") + granted(rs.getString(10));
                String owner = rs.getString(9);
                b.add("sequence " + rs.getString(1), def, owner == null ? null : table(owner));
            }
        }
        try (ResultSet rs = query(connection, TYPES, null)) {
            while (rs.next()) {
                if (rs.getString(2).equals("e")) {
                    b.add("enum type " + rs.getString(1), "(" + rs.getString(3) + ")" + granted(rs.getString(7)), null);
                }
                else {
                    String check = rs.getString(6);
                    b.add("domain " + rs.getString(1), rs.getString(4) + (rs.getBoolean(5) ? " NOT NULL" : "")
                            + (check == null ? "" : " " + check) + granted(rs.getString(7)), null);
                }
            }
        }
        try (ResultSet rs = query(connection, FUNCTIONS, null)) {
            while (rs.next()) {
                b.add("function " + rs.getString(1), rs.getString(2).strip() + granted(rs.getString(3)), null);
            }
        }
        try (ResultSet rs = query(connection, POLICIES, ignored)) {
            while (rs.next()) {
                String using = rs.getString(6);
                String check = rs.getString(7);
                b.add("policy " + rs.getString(1) + " on " + rs.getString(2), "AS " + rs.getString(3) + " FOR "
                        + rs.getString(4) + " TO " + rs.getString(5) + (using == null ? "" : " USING (" + using + ")")
                        + (check == null ? "" : " WITH CHECK (" + check + ")"), table(rs.getString(2)));
            }
        }
        try (ResultSet rs = query(connection, DEFAULT_PRIVILEGES, null)) {
            while (rs.next()) {
                String grants = rs.getString(4);
                b.add("default privileges of " + rs.getString(1) + " on " + objects(rs.getString(2))
                        + (rs.getBoolean(3) ? " in this schema" : " in every schema"),
                        grants == null ? "none granted to others" : "GRANTED " + grants, null);
            }
        }
        try (ResultSet rs = query(connection, TRIGGERS, ignored)) {
            while (rs.next()) {
                b.add("trigger " + rs.getString(1) + " on " + rs.getString(2), rs.getString(3), table(rs.getString(2)));
            }
        }
        return b.build();
    }

    /** Grants as they follow a definition, {@code GRANTED reporting SELECT}; nothing for none. */
    private static String granted(String grants) {
        return grants == null ? "" : " GRANTED " + grants;
    }

    private static String table(String name) {
        return "table " + name;
    }

    private static String kind(String relkind) {
        return switch (relkind) {
            case "p" -> "partitioned table";
            case "f" -> "foreign table";
            default -> "table";
        };
    }

    private static String objects(String defaclobjtype) {
        return switch (defaclobjtype) {
            case "r" -> "tables";
            case "S" -> "sequences";
            case "f" -> "functions";
            case "T" -> "types";
            case "n" -> "schemas";
            default -> "objects of kind " + defaclobjtype;
        };
    }

    private static ResultSet query(Connection connection, String sql, Array ignored) throws SQLException {
        PreparedStatement st = connection.prepareStatement(sql);
        st.closeOnCompletion();
        if (ignored != null) {
            st.setArray(1, ignored);
        }
        return st.executeQuery();
    }
}
