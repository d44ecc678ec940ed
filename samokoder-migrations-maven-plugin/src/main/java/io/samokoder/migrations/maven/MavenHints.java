package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.Hints;

/** The commands that failure messages suggest, as this plugin's goals. */
final class MavenHints implements Hints {

    static final MavenHints INSTANCE = new MavenHints();

    private MavenHints() {
    }

    @Override
    public String merge() {
        return "mvn samokoder-migrations:merge -Dsamokoder.message=\"<message>\"";
    }

    @Override
    public String stampPurge() {
        return "mvn samokoder-migrations:stamp -Dsamokoder.purge=true -Dsamokoder.revisions=<revision>";
    }

    @Override
    public String revision() {
        return "mvn samokoder-migrations:revision -Dsamokoder.message=\"<message>\"";
    }

    @Override
    public String upgrade() {
        return "mvn samokoder-migrations:upgrade";
    }

    @Override
    public String configureDatabase() {
        return "give -Dsamokoder.url (and -Dsamokoder.user, -Dsamokoder.password), or the plugin's <url> in the pom,"
                + " or name a Spring configuration file with spring.datasource.url in -Dsamokoder.configFile";
    }

    @Override
    public String noModel(String command) {
        String goal = command.equals("check") ? "mvn compile samokoder-migrations:check"
                : "mvn compile samokoder-migrations:revision -Dsamokoder.autogenerate -Dsamokoder.message=\"<message>\"";
        return "'" + command + "' compares the project's JPA entities with the database, and target/classes has no"
                + " class annotated @Entity: compile the project first (" + goal + "), or name the entity packages"
                + " with -Dsamokoder.entityPackages=com.example.domain";
    }
}
