package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.RepairResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code repair REV...}: the log of each applied revision whose script changed since it ran takes the script's
 * checksum, with a {@code repair} row that keeps the old one ({@link io.samokoder.migrations.Migrations#repair}).
 * Nothing runs. For a change meant to stand for what ran; one that has to run goes in a new revision.
 *
 * @param revisions the revisions to repair (ids, prefixes, labels, {@code heads}, ...)
 */
public record RepairCommand(List<String> revisions) implements MigrationCommand {

    /** Copies the list. */
    public RepairCommand {
        revisions = List.copyOf(revisions);
    }

    @Override
    public void run(Workspace workspace, Output output) {
        RepairResult result = workspace.runner("repair", null).repair(this.revisions);
        if (output.json()) {
            List<Map<String, Object>> repaired = new ArrayList<>();
            for (RepairResult.Repaired r : result.repaired()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("revision", r.revision());
                one.put("recordedChecksum", r.recordedChecksum());
                one.put("checksum", r.checksum());
                repaired.add(one);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("repaired", repaired);
            json.put("unchanged", result.unchanged());
            output.json(json);
            return;
        }
        for (RepairResult.Repaired r : result.repaired()) {
            output.line("Repaired " + r.revision() + ": its log held " + r.recordedChecksum() + " and now holds "
                    + r.checksum());
        }
        for (String id : result.unchanged()) {
            output.line(id + ": nothing to repair (its log matches its script, or holds no checksum)");
        }
    }
}
