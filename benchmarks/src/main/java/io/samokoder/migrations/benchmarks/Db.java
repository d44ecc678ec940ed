package io.samokoder.migrations.benchmarks;

import java.util.Locale;

/**
 * The database server a run measures on, and the generated DDL in its syntax. Migration i (1-based)
 * creates table {@code t_i} with an index on its name and inserts one row, on every server.
 */
enum Db {
    POSTGRESQL("PostgreSQL") {
        @Override
        String sql(int i) {
            return "CREATE TABLE t_" + i + " (id bigint primary key, name text not null, created_at timestamptz not null default now());\n"
                    + "CREATE INDEX ix_t_" + i + "_name ON t_" + i + "(name);\n"
                    + "INSERT INTO t_" + i + "(id, name) VALUES (1, 'x');\n";
        }

        @Override
        String rawVersionTable() {
            return "CREATE TABLE IF NOT EXISTS raw_version (version varchar(64) PRIMARY KEY, "
                    + "applied_at timestamptz NOT NULL DEFAULT now())";
        }
    },
    /** MariaDB (or MySQL): an indexed column cannot be {@code text} without a prefix, so it is a varchar. */
    MARIADB("MariaDB") {
        @Override
        String sql(int i) {
            return "CREATE TABLE t_" + i + " (id bigint primary key, name varchar(255) not null, created_at timestamp(6) not null default current_timestamp(6));\n"
                    + "CREATE INDEX ix_t_" + i + "_name ON t_" + i + "(name);\n"
                    + "INSERT INTO t_" + i + "(id, name) VALUES (1, 'x');\n";
        }

        @Override
        String rawVersionTable() {
            return "CREATE TABLE IF NOT EXISTS raw_version (version varchar(64) PRIMARY KEY, "
                    + "applied_at timestamp(6) NOT NULL DEFAULT current_timestamp(6))";
        }
    };

    private final String label;

    Db(String label) {
        this.label = label;
    }

    /** The SQL of migration i, identical for every tool on this server. */
    abstract String sql(int i);

    /** The raw runner's table of applied versions. */
    abstract String rawVersionTable();

    String label() {
        return this.label;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The server of a JDBC URL. */
    static Db ofUrl(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:") ? POSTGRESQL : MARIADB;
    }

    static Db of(String key) {
        for (Db db : values()) {
            if (db.key().equals(key.trim().toLowerCase(Locale.ROOT)) || (db == MARIADB && key.trim().equalsIgnoreCase("mysql"))) {
                return db;
            }
        }
        throw new IllegalArgumentException("Unknown database '" + key + "'; use postgresql or mariadb");
    }
}
