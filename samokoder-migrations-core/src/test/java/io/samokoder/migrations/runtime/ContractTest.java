package io.samokoder.migrations.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which contract revisions a database in use lacks, and what is held with them, over branches, merges and
 * {@code Depends On}, without a database.
 */
class ContractTest {

    /** A graph of SQL scripts: id, revises (comma-separated), depends on, contract or not. */
    private static Map<String, RevisionScript> scripts(String... specs) {
        Map<String, RevisionScript> byId = new HashMap<>();
        for (String spec : specs) {
            String[] parts = spec.split("\\|", -1);
            String header = "-- " + parts[0] + "\n-- Revision ID: " + parts[0] + "\n-- Revises: " + parts[1]
                    + (parts[2].isEmpty() ? "" : "\n-- Depends On: " + parts[2])
                    + (parts[3].isEmpty() ? "" : "\n-- Phase: contract");
            byId.put(parts[0], ScriptLoader.parse(parts[0] + ".sql", header + "\n\n-- migrate:upgrade\nSELECT 1;\n"));
        }
        return byId;
    }

    private static RevisionGraph graph(Map<String, RevisionScript> byId, String... order) {
        List<Revision> revisions = new ArrayList<>();
        for (String id : order) {
            revisions.add(byId.get(id).revision());
        }
        return RevisionGraph.of(revisions);
    }

    private static final Map<String, RevisionScript> BRANCHED = scripts(
            "a1|||", "b2|a1||", "c3|b2||contract", "x1|a1||", "x2|x1||", "d4|c3||contract", "y1|x2|c3|");

    @Test
    void aContractRevisionTheRowsLackIsHeldWithEverythingAboveItAlongRevisesAndDependsOn() {
        RevisionGraph graph = graph(BRANCHED, "a1", "b2", "c3", "x1", "x2", "d4", "y1");
        Set<String> contract = Set.of("c3", "d4");

        assertThat(Contract.held(graph, contract, List.of("b2", "x1"))).containsExactlyInAnyOrder("c3", "d4", "y1");
        assertThat(Contract.held(graph, contract, List.of("c3", "x2"))).containsExactly("d4");
        assertThat(Contract.held(graph, contract, List.of("d4", "y1"))).isEmpty();
        assertThat(Contract.held(graph, contract, List.of())).as("a new database").isEmpty();
        assertThat(Contract.held(graph, Set.of(), List.of("a1"))).isEmpty();
        assertThat(Contract.held(graph, contract, List.of("newer1", "b2"))).as("a row no script declares")
                .containsExactlyInAnyOrder("c3", "d4", "y1");
    }

    @Test
    void aRevisionThatIsNotContractAboveAHeldOneIsRefusedNamingTheContractRevision() {
        RevisionGraph graph = graph(BRANCHED, "a1", "b2", "c3", "x1", "x2", "d4", "y1");
        Set<String> held = Contract.held(graph, Set.of("c3", "d4"), List.of("b2", "x2"));

        assertThatThrownBy(() -> Contract.refuseHeldExpand(graph, BRANCHED, held))
                .isInstanceOf(MigrationConfigurationException.class)
                .hasMessageStartingWith("Revision y1 (y1.sql) builds on the contract revision c3 (c3.sql), which"
                        + " this database does not have yet.");
        Contract.refuseHeldExpand(graph, BRANCHED, Contract.held(graph, Set.of("c3", "d4"), List.of("c3", "x2")));
    }

    @Test
    void aMergeOfAContractBranchIsHeldAndRefusedUnlessItIsContractToo() {
        Map<String, RevisionScript> merge = scripts("a1|||", "c2|a1||contract", "e2|a1||", "m3|c2, e2||");
        RevisionGraph graph = graph(merge, "a1", "c2", "e2", "m3");
        Set<String> held = Contract.held(graph, Set.of("c2"), List.of("e2"));
        assertThat(held).containsExactlyInAnyOrder("c2", "m3");
        assertThatThrownBy(() -> Contract.refuseHeldExpand(graph, merge, held))
                .hasMessageStartingWith("Revision m3 (m3.sql) builds on the contract revision c2 (c2.sql)");

        Map<String, RevisionScript> contractMerge = scripts("a1|||", "c2|a1||contract", "e2|a1||",
                "m3|c2, e2||contract");
        RevisionGraph same = graph(contractMerge, "a1", "c2", "e2", "m3");
        Set<String> heldMerge = Contract.held(same, Set.of("c2", "m3"), List.of("e2"));
        Contract.refuseHeldExpand(same, contractMerge, heldMerge);
        assertThat(Contract.onlyHeldLeft(same, List.of("e2"), heldMerge)).isTrue();
        assertThat(Contract.onlyHeldLeft(same, List.of("a1"), heldMerge)).isFalse();
    }
}
