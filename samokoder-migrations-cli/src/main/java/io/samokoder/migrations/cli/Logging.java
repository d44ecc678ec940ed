package io.samokoder.migrations.cli;

/**
 * The engine logs through SLF4J; the CLI binds it to slf4j-simple on the error stream, warnings and
 * errors only (INFO with {@code --debug}), without thread or logger names. Progress lines are the
 * command layer's own. MariaDB's driver logs every failed statement as a warning, which the command
 * reports itself (or expects, as for a version table not created yet): its warnings show with
 * {@code --debug} only. So does the engine's ERROR line for a failed step, whose message the
 * {@code FAILED:} line prints already. The engine's notices of a step that takes long show always.
 */
final class Logging {

    private Logging() {
    }

    static void configure(boolean debug) {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", debug ? "info" : "warn");
        setDefault("org.slf4j.simpleLogger.log.org.mariadb.jdbc", debug ? "warn" : "error");
        setDefault("org.slf4j.simpleLogger.log.io.samokoder.migrations.Migrations.failures", debug ? "error" : "off");
        // A step that takes long says so every 15 s, so that a long run does not look hung.
        setDefault("org.slf4j.simpleLogger.log.io.samokoder.migrations.Migrations.stillRunning", "info");
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.showLogName", "false");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "false");
        setDefault("org.slf4j.simpleLogger.levelInBrackets", "false");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
