package io.samokoder.migrations.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.cli.command.AutogenerateSettings;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.maven.fixture.shop.Customer;
import io.samokoder.migrations.schema.Schema;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the plugin finds the project's entities, and the model it builds of them; no database. */
class EntityPackagesTest {

    private static final String FIXTURE = "io.samokoder.migrations.maven.fixture";

    @Test
    void findsTheOutermostPackagesWithMappedClasses() throws URISyntaxException {
        assertEquals(List.of(FIXTURE + ".billing", FIXTURE + ".shop"), EntityPackages.find(testClasses()));
    }

    @Test
    void aMissingOrEmptyDirectoryHasNoPackages(@TempDir Path empty) {
        assertEquals(List.of(), EntityPackages.find(empty.resolve("target/classes")));
        assertEquals(List.of(), EntityPackages.find(empty));
    }

    @Test
    void aPackageInsideAnotherFoundOneIsLeftOut() {
        Set<String> found = new TreeSet<>(List.of("com.a", "com.a.b", "com.ab", "org.x.y", "org.x.y.z.w"));
        assertEquals(List.of("com.a", "com.ab", "org.x.y"), EntityPackages.outermost(found));
    }

    @Test
    void theModelIsTheEntitiesOfTheFoundPackagesAsHibernateMapsThem() throws Exception {
        Path classes = testClasses();
        try (ProjectClasses project = ProjectClasses.open(List.of(classes.toString()), getClass().getClassLoader())) {
            ProjectModel model = ProjectModel.open(project, classes, List.of());
            Schema schema = model.source().model(PostgresDialect.INSTANCE);
            assertEquals(List.of("customer", "purchase_order"),
                    schema.tables().stream().map(t -> t.name()).sorted().toList());
            assertTrue(schema.table("customer").orElseThrow().column("credit_cents").isPresent(), schema.toString());
        }
    }

    @Test
    void namedPackagesAreReadInsteadOfTheFoundOnes() throws Exception {
        Path classes = testClasses();
        try (ProjectClasses project = ProjectClasses.open(List.of(classes.toString()), getClass().getClassLoader())) {
            ProjectModel model = ProjectModel.open(project, classes, List.of(FIXTURE + ".shop.orders"));
            assertEquals(List.of("purchase_order"), model.source().model(PostgresDialect.INSTANCE).tables().stream()
                    .map(t -> t.name()).toList());
        }
    }

    @Test
    void noEntitiesMeanNoModel(@TempDir Path classes) throws Exception {
        try (ProjectClasses project = ProjectClasses.open(List.of(classes.toString()), getClass().getClassLoader())) {
            assertNull(ProjectModel.open(project, classes, List.of()));
        }
    }

    @Test
    void anEntityInTheDefaultPackageIsRefusedNamingTheFix(@TempDir Path classes) throws Exception {
        Files.copy(testClasses().resolve(Customer.class.getName().replace('.', '/') + ".class"),
                classes.resolve("Customer.class"));
        MojoFailureException e;
        try (ProjectClasses project = ProjectClasses.open(List.of(), getClass().getClassLoader())) {
            e = assertThrows(MojoFailureException.class, () -> ProjectModel.open(project, classes, List.of()));
        }
        assertTrue(e.getMessage().contains("is in the default package")
                && e.getMessage().contains("-Dsamokoder.entityPackages="), e.getMessage());
    }

    @Test
    void goalOptionsAddExclusionsAndReplaceTheFlagsTheyGive() {
        AutogenerateSettings configured = new AutogenerateSettings(List.of("legacy_*"), true, false);
        ModelOptions none = new ModelOptions(List.of(), List.of(), null, null);
        assertEquals(configured, none.applyTo(configured));
        ModelOptions some = new ModelOptions(List.of(), List.of("tmp", "legacy_*"), false, true);
        assertEquals(new AutogenerateSettings(List.of("legacy_*", "tmp"), false, true), some.applyTo(configured));
    }

    private static Path testClasses() throws URISyntaxException {
        return Path.of(Customer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
