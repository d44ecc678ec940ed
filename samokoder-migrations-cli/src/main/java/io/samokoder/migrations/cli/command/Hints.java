package io.samokoder.migrations.cli.command;

/**
 * How a front-end's user types the commands that failure messages suggest ("run 'samokoder upgrade
 * heads'"), so that a hint names what that user can run: the command line, the application's command
 * mode or a Maven goal.
 */
public interface Hints {

    /** The command line: {@code samokoder merge heads -m "<message>"}. */
    Hints COMMAND_LINE = new Hints() {
        @Override
        public String merge() {
            return "samokoder merge heads -m \"<message>\"";
        }

        @Override
        public String stampPurge() {
            return "samokoder stamp --purge <revision>";
        }

        @Override
        public String revision() {
            return "samokoder revision -m \"<message>\"";
        }

        @Override
        public String upgrade() {
            return "samokoder upgrade heads";
        }
    };

    /** The application's command mode: {@code --samokoder.migrations.command="upgrade heads"}. */
    Hints COMMAND_MODE = new Hints() {
        @Override
        public String merge() {
            return "samokoder merge heads -m \"<message>\" (the command line, in the project)";
        }

        @Override
        public String stampPurge() {
            return "--samokoder.migrations.command=\"stamp --purge <revision>\"";
        }

        @Override
        public String revision() {
            return "samokoder revision -m \"<message>\" (the command line, in the project)";
        }

        @Override
        public String upgrade() {
            return "--samokoder.migrations.command=\"upgrade heads\"";
        }

        @Override
        public String noModel(String command) {
            return "'" + command + "' compares the application's model (its JPA entities, as its Hibernate maps"
                    + " them) with the database, and this application has none: add Spring Boot's JPA support"
                    + " (spring-boot-starter-data-jpa) and its entities are the model; an AOT-processed application"
                    + " (a native image) has it only if samokoder.migrations.command was set when Spring AOT"
                    + " processed it";
        }
    };

    /** How to merge all heads. */
    String merge();

    /** How to replace the version rows. */
    String stampPurge();

    /** How to write a new revision. */
    String revision();

    /** How to upgrade to the heads. */
    String upgrade();

    /** How to configure the database, for a command that needs one when none is. */
    default String configureDatabase() {
        return "give --url (and --user, --password), set SAMOKODER_MIGRATIONS_URL or SPRING_DATASOURCE_URL, or name a"
                + " Spring configuration file with spring.datasource.url in --config";
    }

    /**
     * Why a command cannot compare the application's model with the database here, and where it can: the
     * application's command mode or the Maven plugin, which have the model.
     *
     * @param command {@code revision --autogenerate} or {@code check}
     */
    default String noModel(String command) {
        boolean check = command.equals("check");
        String inApp = check ? "check" : "revision --autogenerate -m '<message>'";
        String maven = check ? "mvn samokoder-migrations:check"
                : "mvn samokoder-migrations:revision -Dsamokoder.autogenerate -Dsamokoder.message=\"<message>\"";
        return "'" + command + "' compares the application's model (its JPA entities) with the database, and the"
                + " command line has no model: run it in the application's command mode (java -jar app.jar"
                + " --samokoder.migrations.command=\"" + inApp + "\") or with the Maven plugin (" + maven + ")";
    }
}
