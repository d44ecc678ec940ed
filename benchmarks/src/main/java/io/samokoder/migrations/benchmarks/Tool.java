package io.samokoder.migrations.benchmarks;

import java.util.Locale;

/** The tools compared, in the order they run within each repetition. */
enum Tool {
    RAW("raw JDBC (floor)"),
    OURS("samokoder"),
    /** Ours with the fast start off: what the first start of a new build pays (B only). */
    OURS_FULL("samokoder, full check"),
    /** Ours with the same DDL as revisions written in Java (generated, compiled classes), no scripts. */
    OURS_JAVA("samokoder, Java revisions"),
    FLYWAY("Flyway " + Versions.FLYWAY),
    LIQUIBASE("Liquibase " + Versions.LIQUIBASE);

    private final String label;

    Tool(String label) {
        this.label = label;
    }

    String label() {
        return this.label;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether G and H run it: a tool with a lock of its own (raw JDBC has none; ours with scripts stands for
     * ours).
     */
    boolean inLockParts() {
        return this == OURS || this == FLYWAY || this == LIQUIBASE;
    }

    static Tool of(String key) {
        for (Tool tool : values()) {
            if (tool.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return tool;
            }
        }
        throw new IllegalArgumentException("Unknown tool '" + key + "'; use raw, ours, ours_full, ours_java, flyway or liquibase");
    }
}
