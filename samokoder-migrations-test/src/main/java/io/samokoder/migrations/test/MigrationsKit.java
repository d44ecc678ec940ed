package io.samokoder.migrations.test;

import static io.samokoder.migrations.test.KitFailures.callback;
import static io.samokoder.migrations.test.KitFailures.fail;
import static io.samokoder.migrations.test.KitFailures.run;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.Target;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.schema.CompareOptions;
import io.samokoder.migrations.schema.ModelSource;
import io.samokoder.migrations.schema.SchemaDiff;
import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.RepeatableScript;
import io.samokoder.migrations.script.RevisionScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Checks a service's revision scripts against the database its tests use:
 *
 * <pre>{@code
 * MigrationsKit.of(dataSource, "classpath:db/migrations").assertAll();
 * }</pre>
 *
 * <p>Each check that touches the database runs in a fresh schema of its own (on MariaDB and MySQL, a
 * database), created on the given DataSource's server, made the current schema of the engine's
 * connections and dropped afterwards, so checks never depend on each other or on what other tests left.
 * PostgreSQL, MariaDB, MySQL and H2 are supported. A failed check throws an {@link AssertionError} naming
 * the revision, its file and what went wrong. Instances are immutable; checks return the kit so they
 * chain. Java revisions join the scripts with {@link #javaRevisions}; scripts' {@code ${name}} placeholders take
 * the values of {@link #placeholders}.
 */
public final class MigrationsKit {

    private final DataSource dataSource;
    private final List<String> locations;
    private final Set<String> allowedIrreversible;
    private final List<JavaRevision> javaRevisions;
    private final Placeholders placeholders;
    private final List<String> repeatableLocations;

    private MigrationsKit(DataSource dataSource, List<String> locations, Set<String> allowedIrreversible,
            List<JavaRevision> javaRevisions, Placeholders placeholders, List<String> repeatableLocations) {
        this.dataSource = dataSource;
        this.locations = locations;
        this.allowedIrreversible = allowedIrreversible;
        this.javaRevisions = javaRevisions;
        this.placeholders = placeholders;
        this.repeatableLocations = repeatableLocations;
    }

    /**
     * A kit for the scripts in the given locations.
     *
     * @param dataSource the database to create check schemas in (needs the right to create schemas; on MariaDB
     *                   and MySQL, databases)
     * @param locations script locations as the engine takes them; none means {@code classpath:db/migrations}
     */
    public static MigrationsKit of(DataSource dataSource, String... locations) {
        Objects.requireNonNull(dataSource, "dataSource");
        List<String> list = locations.length == 0 ? MigrationsConfig.DEFAULT_LOCATIONS : List.of(locations);
        return new MigrationsKit(dataSource, list, Set.of(), List.of(), Placeholders.NONE,
                MigrationsConfig.REPEATABLE_LOCATIONS_CONVENTION);
    }

    /**
     * Declares revisions that deliberately have no downgrade: {@link #assertReversible()} accepts them
     * and the stairway upgrades them without a downgrade.
     *
     * @param revisionIds full revision ids
     * @return a kit with these revisions allowed, in addition to those allowed already
     */
    public MigrationsKit allowIrreversible(String... revisionIds) {
        Set<String> allowed = new LinkedHashSet<>(this.allowedIrreversible);
        allowed.addAll(List.of(revisionIds));
        return new MigrationsKit(this.dataSource, this.locations, Set.copyOf(allowed), this.javaRevisions,
                this.placeholders, this.repeatableLocations);
    }

    /**
     * Adds revisions written in Java: they join the scripts of the locations in one graph, and every
     * check covers them as it covers SQL scripts.
     *
     * @param revisions the Java revisions, as the application registers them
     * @return a kit with these revisions, in addition to those given already
     */
    public MigrationsKit javaRevisions(JavaRevision... revisions) {
        List<JavaRevision> all = new ArrayList<>(this.javaRevisions);
        all.addAll(List.of(revisions));
        return new MigrationsKit(this.dataSource, this.locations, this.allowedIrreversible, List.copyOf(all),
                this.placeholders, this.repeatableLocations);
    }

    /**
     * The values of the scripts' {@code ${name}} placeholders, as the application gives them
     * ({@code samokoder.migrations.placeholders.*}); without them a script with a placeholder fails its check.
     *
     * @param placeholders the values, e.g. {@code Placeholders.of(Map.of("schema", "app"))}
     * @return a kit with these values instead of those given before
     */
    public MigrationsKit placeholders(Placeholders placeholders) {
        return new MigrationsKit(this.dataSource, this.locations, this.allowedIrreversible, this.javaRevisions,
                Objects.requireNonNull(placeholders, "placeholders"), this.repeatableLocations);
    }

    /**
     * The locations of the application's repeatable scripts, which {@link #assertRepeatables()} checks (default
     * {@code classpath:db/repeatable}, as the application's); the checks of revisions run without them.
     *
     * @param locations repeatable script locations as the engine takes them; none for none
     * @return a kit with these locations instead of those given before
     */
    public MigrationsKit repeatableLocations(String... locations) {
        return new MigrationsKit(this.dataSource, this.locations, this.allowedIrreversible, this.javaRevisions,
                this.placeholders, List.of(locations));
    }

    /**
     * Runs every check: single head, reversible, upgrade one by one, stairway with no traces left, and the
     * repeatable scripts, if there are any.
     */
    public MigrationsKit assertAll() {
        return assertSingleHead().assertReversible().assertUpgrade().assertDowngradesLeaveNoTrace()
                .assertRepeatables();
    }

    /**
     * The repeatable scripts apply in a fresh schema upgraded to the heads, and apply again over what they made, as
     * a run applies one again once it changed: a script that cannot run twice ({@code CREATE VIEW} without
     * {@code OR REPLACE}) fails naming its file and statement. Nothing to check where there are none.
     */
    public MigrationsKit assertRepeatables() {
        KitSchemas.inFreshSchema(this.dataSource, (schema, schemaDataSource) -> {
            Migrations migrations = new Migrations(config(schemaDataSource).schema(schema)
                    .repeatableLocations(this.repeatableLocations).build());
            List<RepeatableScript> scripts;
            try {
                scripts = migrations.repeatables();
            }
            catch (MigrationException ex) {
                throw new AssertionError("Repeatable scripts in " + String.join(", ", this.repeatableLocations)
                        + " do not load: " + ex.getMessage(), ex);
            }
            if (scripts.isEmpty()) {
                return;
            }
            graph(migrations);
            run(() -> migrations.upgrade(Target.HEADS), "upgrade to the heads with the repeatable scripts failed: ");
            for (RepeatableScript script : scripts) {
                KitFailures.applyAgain(schemaDataSource, script,
                        script.statements(migrations.dialect(), this.placeholders, false));
            }
        });
        return this;
    }

    /**
     * The scripts load and form one revision map (no missing down revision, dependency or branch
     * label) with exactly one real head, as {@code check} counts them: a revision that others only depend on
     * is no second head. Touches no database.
     */
    public MigrationsKit assertSingleHead() {
        Migrations migrations = engine(this.dataSource);
        RevisionGraph graph = graph(migrations);
        List<String> heads = graph.realHeads();
        if (heads.size() > 1) {
            Map<String, RevisionScript> scripts = scripts(migrations);
            List<String> named = new ArrayList<>();
            for (String head : heads) {
                named.add(head + " (" + scripts.get(head).description() + ")");
            }
            throw new AssertionError("Revision scripts in " + String.join(", ", this.locations) + " have "
                    + heads.size() + " heads, not one: " + String.join(", ", named)
                    + "; merge them with 'samokoder merge heads -m \"<message>\"'");
        }
        return this;
    }

    /**
     * Every revision has a {@code -- migrate:downgrade} part or is allowed by
     * {@link #allowIrreversible}; every allowed id is a revision. Touches no database.
     */
    public MigrationsKit assertReversible() {
        Migrations migrations = engine(this.dataSource);
        graph(migrations);
        Map<String, RevisionScript> scripts = scripts(migrations);
        List<String> problems = new ArrayList<>();
        for (RevisionScript script : scripts.values()) {
            if (!script.reversible() && !this.allowedIrreversible.contains(script.id())) {
                problems.add("revision " + script.id() + " (" + script.description()
                        + ") has no '-- migrate:downgrade' part; write its downgrade, or declare it with"
                        + " allowIrreversible(\"" + script.id() + "\")");
            }
        }
        for (String id : this.allowedIrreversible) {
            if (!scripts.containsKey(id)) {
                problems.add("allowIrreversible(\"" + id + "\") names no revision in "
                        + String.join(", ", this.locations));
            }
        }
        fail(problems);
        return this;
    }

    /**
     * No revision has a statement that locks a table in use for as long as the table takes to scan, rewrite, copy
     * or index, or that fails on a table with rows, by the rules of the DataSource's database
     * ({@link io.samokoder.migrations.lint.Linter}; statements marked {@code -- lint: ignore} are left alone).
     * Reads the database's product only.
     *
     * @param range the revisions, as {@code history -r} takes them: {@code ae1027a6acf0:} for that one and those
     *              after it (what a service has not deployed yet), {@code :} for all
     */
    public MigrationsKit assertNoLockingStatements(String range) {
        Migrations migrations = engine(this.dataSource);
        graph(migrations);
        fail(KitLint.problems(migrations, scripts(migrations), Objects.requireNonNull(range, "range")));
        return this;
    }

    /** Upgrades a fresh schema from base to the heads one revision at a time, in the order of {@code upgrade heads}. */
    public MigrationsKit assertUpgrade() {
        walk(false, false);
        return this;
    }

    /**
     * The stairway: for each revision in upgrade order, upgrade to it, downgrade it (to its first
     * parent, which is {@code -1} when it is the only head; {@code -1} is ambiguous from a merge), and
     * upgrade it again. Revisions allowed to be irreversible are only upgraded.
     */
    public MigrationsKit assertStairway() {
        walk(true, false);
        return this;
    }

    /**
     * The stairway, and for each revision the schema after its upgrade and downgrade must equal the
     * schema before its upgrade, compared from the catalog (tables, columns with types, nullability
     * and defaults, indexes, constraints, sequences, views, enum types, domains, functions, triggers;
     * the engine's own tables left out). A difference reads like
     * {@code downgrade of 3f2a9c1b7d4e (file) leaves index ix_users_email on users}.
     */
    public MigrationsKit assertDowngradesLeaveNoTrace() {
        walk(true, true);
        return this;
    }

    /**
     * The model matches the database its revisions build: upgrades a fresh schema to the heads, then compares
     * the model with it as {@code revision --autogenerate} does ({@link Migrations#compareSchema}, with
     * {@code CompareOptions.defaults} of the database's dialect). Fails listing each detected change in
     * Alembic's words ({@code Detected added column 'users.nickname'}) and how to write the missing
     * revision.
     *
     * @param model the application's model, e.g. its JPA entities
     */
    public MigrationsKit assertModelMatchesDatabase(ModelSource model) {
        return assertModelMatchesDatabase(model, null);
    }

    /**
     * {@link #assertModelMatchesDatabase(ModelSource)} with these compare options, leaving these tables alone.
     *
     * @param model          the application's model
     * @param options        what is compared, or null for the dialect's defaults
     * @param excludedTables tables the model does not describe: names or patterns with {@code *} and {@code ?}
     */
    public MigrationsKit assertModelMatchesDatabase(ModelSource model, CompareOptions options,
            String... excludedTables) {
        Objects.requireNonNull(model, "model");
        inFreshSchema((migrations, schemaDataSource) -> {
            graph(migrations);
            run(() -> migrations.upgrade(Target.HEADS), "upgrade to the heads before comparing the model failed: ");
            Dialect dialect = migrations.dialect();
            CompareOptions compare = options != null ? options : CompareOptions.defaults(dialect);
            SchemaDiff diff;
            try {
                diff = migrations.compareSchema(model.model(dialect), compare, List.of(excludedTables));
            }
            catch (MigrationException ex) {
                throw new AssertionError("comparing the model with the database failed: " + ex.getMessage(), ex);
            }
            if (!diff.isEmpty()) {
                List<String> problems = new ArrayList<>();
                problems.add("The model does not match the database at the heads of "
                        + String.join(", ", this.locations) + ":");
                diff.changes().forEach(change -> problems.add("  " + change.message()));
                problems.add("Write a revision for these changes with 'revision --autogenerate -m \"<message>\"'"
                        + " (in the application's command mode, or with the Maven plugin), review it, and run the"
                        + " tests again.");
                fail(problems);
            }
        });
        return this;
    }

    /**
     * A data check at a revision, run when its {@link DataCheck#after} is given:
     * {@code kit.at("3f2a9c1b7d4e").before(c -> insert).after(c -> assert)}.
     *
     * @param revision a revision id, prefix or branch label
     */
    public DataCheck at(String revision) {
        return new DataCheck(this, Objects.requireNonNull(revision, "revision"));
    }

    void runDataCheck(String spec, SqlCallback before, SqlCallback after) {
        inFreshSchema((migrations, schemaDataSource) -> {
            RevisionGraph graph = graph(migrations);
            Optional<Revision> found;
            try {
                found = migrations.revisionMap().getRevision(spec);
            }
            catch (MigrationException ex) {
                throw new AssertionError("data check at '" + spec + "': " + ex.getMessage(), ex);
            }
            if (found.isEmpty()) {
                throw new AssertionError("data check at '" + spec + "': name a revision, not base");
            }
            String id = found.get().id();
            String file = scripts(migrations).get(id).description();
            List<String> down = graph.allDown(id);
            if (!down.isEmpty()) {
                run(() -> migrations.upgrade(Target.of(down)),
                        "data check at " + id + " (" + file + "): upgrade to " + String.join(", ", down) + " failed: ");
            }
            callback(schemaDataSource, before, "data check before the upgrade of " + id + " (" + file + ") failed: ");
            run(() -> migrations.upgrade(id), "data check: upgrade of " + id + " (" + file + ") failed: ");
            callback(schemaDataSource, after, "data check after the upgrade of " + id + " (" + file + ") failed: ");
        });
    }

    private void walk(boolean stairway, boolean compare) {
        inFreshSchema((migrations, schemaDataSource) -> new Stairway(migrations, schemaDataSource, graph(migrations),
                scripts(migrations), this.allowedIrreversible).walk(stairway, compare));
    }

    private void inFreshSchema(KitSchemas.Work work) {
        KitSchemas.inFreshSchema(this.dataSource, (schema, schemaDataSource) ->
                work.run(new Migrations(config(schemaDataSource).schema(schema).build()), schemaDataSource));
    }

    private Migrations engine(DataSource ds) {
        return new Migrations(config(ds).build());
    }

    private MigrationsConfig.Builder config(DataSource ds) {
        // Repeatable scripts only where assertRepeatables asks for them: the revisions' checks are of revisions.
        return MigrationsConfig.builder().dataSource(ds).locations(this.locations).javaRevisions(this.javaRevisions)
                .placeholders(this.placeholders).repeatableLocations(List.of()).fastStart(false);
    }

    /** The revision graph; an error when the scripts do not load or there are none (no check would mean anything). */
    private RevisionGraph graph(Migrations migrations) {
        RevisionGraph graph;
        try {
            graph = migrations.graph();
        }
        catch (MigrationException ex) {
            throw new AssertionError("Revision scripts in " + String.join(", ", this.locations)
                    + " do not load: " + ex.getMessage(), ex);
        }
        if (graph.heads().isEmpty()) {
            throw new AssertionError("No revision scripts in " + String.join(", ", this.locations));
        }
        return graph;
    }

    private static Map<String, RevisionScript> scripts(Migrations migrations) {
        Map<String, RevisionScript> byId = new LinkedHashMap<>();
        for (RevisionScript script : migrations.scripts()) {
            byId.put(script.id(), script);
        }
        return byId;
    }
}
