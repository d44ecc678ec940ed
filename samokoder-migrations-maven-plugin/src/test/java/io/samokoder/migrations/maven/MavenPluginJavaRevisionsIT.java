package io.samokoder.migrations.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.maven.NestedMaven.Build;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Java revisions in the Maven goals: nested builds of {@code src/it/javarevisions}, whose
 * {@code application.properties} names {@code samokoder.migrations.java-packages=com.example.migrations}, a
 * Java revision compiled with the project between two SQL scripts:
 * {@code 1a2b3c4d5e6f (SQL) -> 2b3c4d5e6f7a (Java) -> 3c4d5e6f7a8b (SQL)}. Package {@code com.example.beans}
 * holds a revision whose constructor takes a bean.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MavenPluginJavaRevisionsIT {

    private static final String ROOT = "1a2b3c4d5e6f";
    private static final String JAVA = "2b3c4d5e6f7a";
    private static final String CART = "3c4d5e6f7a8b";

    private static TestDatabase database;
    private static NestedMaven maven;

    @BeforeAll
    static void javaRevisionProject() throws IOException {
        database = TestPostgres.createDatabase("mvnjava");
        maven = new NestedMaven("javarevisions", database, database.password() == null ? "" : database.password());
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void historyAndTheOfflineScriptHoldTheCompiledJavaRevision() throws SQLException {
        Build build = maven.mvn("compile", "samokoder-migrations:history", "samokoder-migrations:heads",
                "samokoder-migrations:upgrade", "-Dsamokoder.sql=true", "-Dsamokoder.target=base:heads");
        build.assertSuccess();
        build.assertLine(JAVA + " -> " + CART + " (head), create cart");
        build.assertLine(ROOT + " -> " + JAVA + ", add account email");
        build.assertLine("<base> -> " + ROOT + ", create account");
        build.assertLine(CART + " (head)");
        build.assertLine("-- Running upgrade " + ROOT + " -> " + JAVA);
        build.assertLine("ALTER TABLE account ADD COLUMN email VARCHAR(100);");
        assertTrue(build.log().indexOf("ALTER TABLE account ADD COLUMN email") < build.log().indexOf("CREATE TABLE cart"),
                build.log());
        assertEquals(List.of(), columns(), "--sql connects to nothing");
    }

    @Test
    @Order(2)
    void upgradeAppliesSqlAndJavaRevisionsAndCheckPasses() throws SQLException {
        Build build = maven.mvn("samokoder-migrations:upgrade", "samokoder-migrations:check",
                "samokoder-migrations:current");
        build.assertSuccess();
        build.assertLine("Running upgrade  -> " + ROOT + ", create account");
        build.assertLine("Running upgrade " + ROOT + " -> " + JAVA + ", add account email");
        build.assertLine("Running upgrade " + JAVA + " -> " + CART + ", create cart");
        build.assertLine(CART + " (head)");
        assertEquals(List.of("email", "id", "name"), columns());
        Build down = maven.mvn("samokoder-migrations:downgrade", "-Dsamokoder.target=" + ROOT);
        down.assertSuccess();
        down.assertLine("Running downgrade " + JAVA + " -> " + ROOT + ", add account email");
        assertEquals(List.of("id", "name"), columns());
    }

    @Test
    @Order(3)
    void theOptionReplacesThePackagesAndAConstructorWithArgumentsIsRefusedNamingTheCommandMode() {
        Build build = maven.mvn("samokoder-migrations:heads", "-Dsamokoder.javaPackages=com.example.beans");
        build.assertFailure();
        build.assertContains("Java revision com.example.beans.NeedsDataSource: its constructor takes"
                + " (javax.sql.DataSource), but the standalone samokoder command and the Maven plugin create Java"
                + " revisions with a constructor without arguments.");
        build.assertContains("--samokoder.migrations.command=\"upgrade heads\"");
    }

    @Test
    @Order(4)
    void withoutCompiledClassesTheGoalSaysToCompileFirst() throws IOException {
        try (Stream<Path> files = Files.walk(maven.project().resolve("target/classes"))) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
        Build build = maven.mvn("samokoder-migrations:history");
        build.assertFailure();
        build.assertContains("does not exist, so the Java revisions of samokoder.migrations.java-packages cannot be"
                + " searched there; compile the project first: mvn compile samokoder-migrations:history");
        assertFalse(build.log().contains("<base> -> " + ROOT), build.log());
    }

    private static List<String> columns() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT column_name FROM information_schema.columns"
                        + " WHERE table_name = 'account' ORDER BY column_name")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
