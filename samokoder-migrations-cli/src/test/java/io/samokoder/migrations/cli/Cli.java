package io.samokoder.migrations.cli;

import io.samokoder.migrations.testsupport.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process with captured streams. */
final class Cli {

    record Result(int status, String out, String err) {
        List<String> lines() {
            return this.out.lines().toList();
        }

        @Override
        public String toString() {
            return "status " + this.status + "\n--- out\n" + this.out + "--- err\n" + this.err;
        }
    }

    private final List<String> globals = new ArrayList<>();
    private Map<String, String> environment = Map.of();

    static Cli at(Path scripts) {
        Cli cli = new Cli();
        cli.globals.add("--locations");
        cli.globals.add("filesystem:" + scripts);
        return cli;
    }

    Cli database(TestDatabase db) {
        this.globals.add("--url");
        this.globals.add(db.jdbcUrl());
        this.globals.add("--user");
        this.globals.add(db.user());
        if (db.password() != null && !db.password().isEmpty()) {
            this.globals.add("--password");
            this.globals.add(db.password());
        }
        return this;
    }

    Cli option(String... words) {
        this.globals.addAll(List.of(words));
        return this;
    }

    /** A copy with these options added; this one is left as it is. */
    Cli with(String... words) {
        Cli copy = new Cli();
        copy.globals.addAll(this.globals);
        copy.globals.addAll(List.of(words));
        copy.environment = this.environment;
        return copy;
    }

    Cli environment(Map<String, String> variables) {
        this.environment = variables;
        return this;
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(this.globals);
        return raw(this.environment, all.toArray(new String[0]));
    }

    static Result raw(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SamokoderCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, null);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
