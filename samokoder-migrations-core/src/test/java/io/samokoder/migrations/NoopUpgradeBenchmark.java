package io.samokoder.migrations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not a test: measures a no-op {@code upgrade heads} over 1,000 applied revisions (median of
 * repeated runs), once with a fresh engine per run (scripts loaded, map built, as at start-up) and
 * once with one engine reused. Run with the test class path, e.g. from an IDE, or
 * {@code java -cp <test classpath> io.samokoder.migrations.NoopUpgradeBenchmark [revisions] [runs]}.
 * Uses the server of {@code SAMOKODER_TEST_JDBC_URL} when set, otherwise an embedded PostgreSQL.
 */
public final class NoopUpgradeBenchmark {

    private NoopUpgradeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int revisions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Path dir = Files.createTempDirectory("noop-bench");
        String previous = "";
        for (int i = 0; i < revisions; i++) {
            String id = String.format("%012x", 0x1000000L + i * 7919L);
            Rev.of(id, previous).message("Revision number " + i)
                    .up("CREATE TABLE t_" + i + " (id bigint PRIMARY KEY, name text NOT NULL);\n"
                            + "CREATE INDEX ix_t_" + i + "_name ON t_" + i + " (name);")
                    .down("DROP TABLE t_" + i + ";")
                    .writeTo(dir);
            previous = id;
        }
        try (TestDatabase db = TestPostgres.createDatabase("bench")) {
            MigrationsConfig config = MigrationsConfig.builder().dataSource(db.dataSource())
                    .locations("filesystem:" + dir).build();
            long t = System.nanoTime();
            MigrationResult first = new Migrations(config).upgrade("heads");
            System.out.printf("applied %d revisions in %d ms%n", first.steps().size(), (System.nanoTime() - t) / 1_000_000);

            measure("non-pooled DataSource (a new connection each time)", config, revisions, runs);
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(db.jdbcUrl());
            pool.setUsername(db.user());
            pool.setPassword(db.password());
            pool.setMaximumPoolSize(4);
            try (HikariDataSource hikari = new HikariDataSource(pool)) {
                measure("HikariCP pool", config.toBuilder().dataSource(hikari).build(), revisions, runs);
            }
        }
    }

    private static void measure(String label, MigrationsConfig config, int revisions, int runs) {
        for (int i = 0; i < 5; i++) {
            check(new Migrations(config).upgrade("heads"));
        }
        List<Double> fresh = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            MigrationResult r = new Migrations(config).upgrade("heads");
            fresh.add((System.nanoTime() - start) / 1e6);
            check(r);
        }
        Migrations reused = new Migrations(config);
        check(reused.upgrade("heads"));
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            check(reused.upgrade("heads"));
            warm.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf("no-op upgrade over %d applied revisions, %s, median of %d runs: fresh engine"
                + " (scripts loaded, map built) %.1f ms, reused engine %.1f ms%n", revisions, label, runs,
                median(fresh), median(warm));
    }

    private static void check(MigrationResult result) {
        if (!result.steps().isEmpty()) {
            throw new IllegalStateException("expected a no-op upgrade, got " + result.steps().size() + " steps");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
