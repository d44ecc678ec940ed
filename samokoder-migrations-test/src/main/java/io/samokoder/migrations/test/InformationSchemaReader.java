package io.samokoder.migrations.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A catalog read from the SQL standard's information schema (MariaDB and MySQL, H2): tables, views,
 * columns, indexes, constraints, triggers and grants come in the same rows on each, read the same way here; a
 * subclass gives its queries, writes a table's, a column's and an index's definition, and reads what only
 * its database has.
 */
abstract class InformationSchemaReader implements CatalogReader {

    /**
     * The queries of the rows that every such catalog has, each of the current schema.
     *
     * @param tables      a name and a type ({@code BASE TABLE}, {@code VIEW}, {@code SEQUENCE}, ...), then the
     *                    table's own columns
     * @param views       a view's name and its definition
     * @param columns     a column's table and name, then its own
     * @param indexes     an index's name and table, then its own
     * @param triggers    a trigger's name, its table and its definition
     * @param grants      what was granted on the schema itself (no table), a table or view (no column) or a
     *                    column: the table's and the column's names, then the grants as one text
     */
    record Queries(String tables, String views, String columns, String indexes, String triggers, String grants) {
    }

    private final Pattern generatedName;
    private final Queries queries;

    /**
     * A reader of these queries' rows.
     *
     * @param generatedName the names the database makes up for a constraint that has none: such a
     *                      constraint is named by its definition, so that one dropped and added again under
     *                      a new name is not reported as left behind
     * @param queries       the queries of the rows read here
     */
    InformationSchemaReader(Pattern generatedName, Queries queries) {
        this.generatedName = generatedName;
        this.queries = queries;
    }

    /** A table's definition from its row of {@link Queries#tables()}. */
    abstract String table(ResultSet row) throws SQLException;

    /** A column's definition from its row of {@link Queries#columns()}. */
    abstract String column(ResultSet row) throws SQLException;

    /** An index's definition from its row of {@link Queries#indexes()}. */
    abstract String index(ResultSet row) throws SQLException;

    /**
     * Rows of a constraint's name, table, type and columns; a foreign key's table, columns, update rule and
     * delete rule; a check's clause.
     */
    abstract String constraints(Connection connection) throws SQLException;

    /**
     * A sequence's definition, for a database that lists its sequences among its tables (MariaDB); by
     * default a sequence so listed is known by its name alone.
     */
    String sequence(Statement st, String name) throws SQLException {
        return "";
    }

    /** What the schema is called in this database's words: {@code schema}, {@code database}. */
    abstract String schemaKind();

    /** Adds what only this database has (routines, sequences of their own view, domains). */
    abstract void readMore(Statement st, SchemaSnapshot.Builder b) throws SQLException;

    @Override
    public SchemaSnapshot read(Connection connection, Set<String> ignoredTables) throws SQLException {
        SchemaSnapshot.Builder b = SchemaSnapshot.builder();
        Set<String> views = new HashSet<>();
        Set<String> sequences = new HashSet<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(this.queries.tables())) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String type = rs.getString(2);
                    if (type.equals("VIEW")) {
                        views.add(name);
                    }
                    else if (type.equals("SEQUENCE")) {
                        sequences.add(name);
                    }
                    else if (!CatalogReader.ignored(ignoredTables, name)) {
                        b.add(owner(name), table(rs), null);
                    }
                }
            }
            for (String sequence : sequences) {
                b.add("sequence " + sequence, sequence(st, sequence), null);
            }
            try (ResultSet rs = st.executeQuery(this.queries.views())) {
                while (rs.next()) {
                    b.add("view " + rs.getString(1), rs.getString(2), null);
                }
            }
            try (ResultSet rs = st.executeQuery(this.queries.columns())) {
                while (rs.next()) {
                    String relation = rs.getString(1);
                    // A MariaDB sequence is a table of one row with columns of its own: not the schema's.
                    if (sequences.contains(relation)
                            || !views.contains(relation) && CatalogReader.ignored(ignoredTables, relation)) {
                        continue;
                    }
                    String owner = views.contains(relation) ? "view " + relation : owner(relation);
                    b.add("column " + relation + "." + rs.getString(2), column(rs), owner);
                }
            }
            try (ResultSet rs = st.executeQuery(this.queries.indexes())) {
                while (rs.next()) {
                    String table = rs.getString(2);
                    if (!CatalogReader.ignored(ignoredTables, table)) {
                        b.add("index " + rs.getString(1) + " on " + table, index(rs), owner(table));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(constraints(connection))) {
                while (rs.next()) {
                    String table = rs.getString(2);
                    if (!CatalogReader.ignored(ignoredTables, table)) {
                        String name = rs.getString(1);
                        String def = constraint(rs);
                        String key = this.generatedName.matcher(name).matches() ? def : name;
                        b.add("constraint " + key + " on " + table, def, owner(table));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(this.queries.triggers())) {
                while (rs.next()) {
                    String table = rs.getString(2);
                    b.add("trigger " + rs.getString(1) + " on " + table, rs.getString(3), owner(table));
                }
            }
            try (ResultSet rs = st.executeQuery(this.queries.grants())) {
                while (rs.next()) {
                    addGrants(b, rs.getString(1), rs.getString(2), rs.getString(3), views, ignoredTables);
                }
            }
            readMore(st, b);
        }
        return b.build();
    }

    /**
     * Grants, as objects of their own: on MariaDB they outlive the table they were made on, so that one
     * dropped without its grants is reported for them.
     */
    private void addGrants(SchemaSnapshot.Builder b, String table, String column, String grants, Set<String> views,
            Set<String> ignoredTables) {
        if (table == null || table.isEmpty()) {
            b.add("grants on this " + schemaKind(), grants, null);
        }
        else if (!CatalogReader.ignored(ignoredTables, table)) {
            String relation = views.contains(table) ? "view " + table : owner(table);
            if (column == null) {
                b.add("grants on " + relation, grants, relation);
            }
            else {
                b.add("grants on column " + table + "." + column, grants, "column " + table + "." + column);
            }
        }
    }

    private static String constraint(ResultSet rs) throws SQLException {
        String type = rs.getString(3);
        String columns = rs.getString(4);
        return switch (type) {
            case "FOREIGN KEY" -> "FOREIGN KEY (" + columns + ") REFERENCES " + rs.getString(5) + " ("
                    + rs.getString(6) + ") ON UPDATE " + rs.getString(7) + " ON DELETE " + rs.getString(8);
            case "CHECK" -> "CHECK (" + rs.getString(9) + ")";
            default -> type + " (" + columns + ")";
        };
    }

    private static String owner(String table) {
        return "table " + table;
    }
}
