package io.samokoder.migrations.benchmarks;

/** The versions compared; they must match the benchmarks pom. */
final class Versions {

    static final String FLYWAY = "12.4.0";
    static final String LIQUIBASE = "4.33.0";

    private Versions() {
    }
}
