package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.plan.MultipleHeadsException;
import io.samokoder.migrations.plan.Planner;
import io.samokoder.migrations.script.Phase;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptLoader;
import io.samokoder.migrations.script.ScriptLocations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes a new script the way Alembic's {@code ScriptDirectory.generate_revision} does (spec §6.3, §6.4). */
final class ScriptWriter {

    /** The message of a revision written without {@code -m}, Alembic's. */
    static final String EMPTY_MESSAGE = "empty message";

    static final String MULTIPLE_HEADS = "Multiple heads are present; please specify the head revision on which the"
            + " new revision should be based, or perform a merge.";

    static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /**
     * What to write; {@code body} is null for a revision whose parts the user fills in, {@code contract} declares a
     * contract revision ({@code Phase: contract}).
     */
    record Request(String revisionId, String message, List<String> heads, boolean splice, List<String> branchLabels,
            List<String> dependsOn, Path versionPath, JavaTarget java, RevisionBody body, boolean contract) {
    }

    /**
     * Where a Java revision goes instead of an SQL script: its package (or {@code null} to derive
     * it from {@code --version-path}).
     */
    record JavaTarget(String javaPackage) {
    }

    private ScriptWriter() {
    }

    /** Alembic's {@code rev_id()}: the last 12 hex digits of a random UUID. */
    static String newRevisionId() {
        String uuid = UUID.randomUUID().toString();
        return uuid.substring(uuid.length() - 12);
    }

    static Path generate(Workspace workspace, Output output, Request request) {
        // An empty --rev-id gets a generated id, as Alembic's `rev_id or util.rev_id()`.
        String given = request.revisionId() == null ? "" : request.revisionId().strip();
        String id = given.isEmpty() ? newRevisionId() : given;
        Revision.checkId(id);
        Revisions revisions = workspace.revisions();
        RevisionGraph graph = revisions.graph;
        List<String> heads = resolveHeads(revisions.planner(), request.heads());
        if (new HashSet<>(heads).size() != heads.size()) {
            throw new CommandFailedException("Duplicate head revisions specified");
        }
        if (graph.revisionForKey(id).isPresent()) {
            String owner = graph.revisionForKey(id).get();
            throw new CommandFailedException("Revision id '" + id + "' is already used"
                    + (owner.equals(id) ? " by " + revisions.path(id) : " as a branch label of " + owner)
                    + "; give another --rev-id, or none for a generated one");
        }
        LocalDateTime created = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
        Path directory = request.java() != null ? JavaSkeleton.directory(request.java().javaPackage(),
                request.versionPath()) : versionDirectory(workspace, revisions, heads, request.versionPath());
        if (!request.splice()) {
            for (String head : heads) {
                if (!graph.isHead(head)) {
                    throw new CommandFailedException("Revision " + head + " is not a head revision; please specify"
                            + " --splice to create a new branch from this revision");
                }
            }
        }
        List<String> dependsOn = resolveDependencies(revisions, request.dependsOn());
        String message = request.message() == null ? "" : request.message().strip().replaceAll("\\s*\\R\\s*", " ");
        Map<String, String> values = new LinkedHashMap<>();
        // The file name's slug comes from the message given; the script says "empty message" without one, as Alembic's.
        values.put("message", request.message() == null ? EMPTY_MESSAGE : message);
        values.put("up_revision", id);
        values.put("down_revision", String.join(", ", heads));
        values.put("create_date", CREATE_DATE.format(created));
        values.put("branch_labels", String.join(", ", request.branchLabels()));
        values.put("depends_on", String.join(", ", dependsOn));
        if (request.java() != null) {
            String className = FileNames.className(workspace.fileTemplate(), id, message, created);
            Path file = directory.resolve(className + ".java");
            String pkg = JavaSkeleton.packageOf(request.java().javaPackage(), directory);
            String text = JavaSkeleton.render(pkg, className, values, request.branchLabels(), dependsOn, request.body(),
                    request.contract());
            checkGraph(graph, new Revision(id, heads, new java.util.LinkedHashSet<>(request.branchLabels()), dependsOn,
                    message, file.toString()));
            return writeAndReport(output, file, text);
        }
        String rendered = ScriptTemplate.render(ScriptTemplate.find(directory), values);
        String text = request.body() == null ? rendered : request.body().intoScript(rendered);
        if (request.contract()) {
            text = ScriptTemplate.withHeader(text, "Phase", "contract");
        }
        Path file = directory.resolve(FileNames.fileName(workspace.fileTemplate(), id, message, created));
        RevisionScript script = ScriptLoader.parse(ScriptLocations.FILESYSTEM_PREFIX + file, text);
        if (!script.id().equals(id) || !script.downRevisions().equals(heads)) {
            throw new CommandFailedException("The script template " + ScriptTemplate.find(directory).description()
                    + " does not produce the header '-- Revision ID: ${up_revision}' and '-- Revises:"
                    + " ${down_revision}'; fix the template");
        }
        if (!request.branchLabels().isEmpty() && script.branchLabels().isEmpty()) {
            throw new CommandFailedException("Version " + id + " specified branch_labels " + request.branchLabels()
                    + ", however the migration file " + file + " does not have them; have you upgraded your "
                    + ScriptTemplate.FILE_NAME + " to include the 'Branch Labels' line?");
        }
        if (request.body() != null && script.transactional() == request.body().requiresAutocommit()) {
            throw new CommandFailedException("The script template " + ScriptTemplate.find(directory).description()
                    + " gives a '-- Transactional:' header that the generated statements cannot keep; fix the"
                    + " template's header");
        }
        if (request.contract() && script.phase() != Phase.CONTRACT) {
            throw new CommandFailedException("The script template " + ScriptTemplate.find(directory).description()
                    + " gives a header that does not keep '-- Phase: contract'; fix the template's header");
        }
        checkGraph(graph, script.revision());
        return writeAndReport(output, file, text);
    }

    /** The map with the new revision must still be a valid map (labels, dependencies). */
    private static void checkGraph(RevisionGraph graph, Revision added) {
        List<Revision> all = new ArrayList<>(graph.revisions());
        all.add(added);
        RevisionGraph.of(all);
    }

    private static Path writeAndReport(Output output, Path file, String text) {
        output.text("Generating " + file + " ...");
        write(file, text);
        output.line("  done");
        return file;
    }

    private static List<String> resolveHeads(Planner planner, List<String> specs) {
        List<String> heads = new ArrayList<>();
        try {
            for (String spec : specs) {
                for (Revision revision : planner.resolve(spec)) {
                    heads.add(revision.id());
                }
            }
        } catch (MultipleHeadsException e) {
            throw new CommandFailedException(MULTIPLE_HEADS, e);
        }
        return heads;
    }

    /** Partial ids become full ids; a label is kept as written (spec §1.1). */
    private static List<String> resolveDependencies(Revisions revisions, List<String> specs) {
        List<String> resolved = new ArrayList<>(specs.size());
        for (String spec : specs) {
            // One revision, as Alembic's get_revision: "heads" on a branched graph fails with its MultipleHeads text.
            String id = revisions.planner().resolveOne(spec).map(Revision::id).orElseThrow(
                    () -> new CommandFailedException("Can't locate revision identified by '" + spec + "'"));
            resolved.add(revisions.graph.branchLabels(id).contains(spec) ? spec : id);
        }
        return resolved;
    }

    private static Path versionDirectory(Workspace workspace, Revisions revisions, List<String> heads, Path given) {
        List<Path> locations = workspace.versionLocations();
        if (given != null) {
            Path normalized = given.toAbsolutePath().normalize();
            if (!locations.isEmpty()
                    && locations.stream().noneMatch(l -> l.toAbsolutePath().normalize().equals(normalized))) {
                throw new CommandFailedException("Path " + given + " is not represented in current version locations");
            }
            return given;
        }
        if (locations.size() == 1) {
            return locations.get(0);
        }
        if (locations.size() > 1) {
            for (String head : heads) {
                Path parent = Path.of(revisions.path(head)).toAbsolutePath().getParent();
                for (Path location : locations) {
                    if (location.toAbsolutePath().normalize().equals(parent.normalize())) {
                        return location;
                    }
                }
            }
            throw new CommandFailedException("Multiple version locations present, please specify --version-path");
        }
        throw new CommandFailedException("No script directory on the file system to write to: give --version-path DIR,"
                + " or a filesystem: location in --locations");
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new CommandFailedException("File " + file + " already exists; give another --rev-id or message");
        } catch (IOException e) {
            throw new CommandFailedException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
