package io.samokoder.migrations.schema;

import io.samokoder.migrations.ops.ConstraintKind;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Puts the operations of schema changes in dependency order, each paired with the operation undoing it. */
final class OperationOrder {

    private static final int PHASES = 11;
    private static final int CREATE_TABLES = 1;
    private static final int DROP_TABLES = 9;

    /** One upgrade operation and the downgrade operation undoing it. */
    record Step(Operation operation, Operation inverse) {
    }

    private OperationOrder() {
    }

    static List<Step> sort(List<SchemaChange> changes) {
        List<List<Step>> phases = new ArrayList<>();
        for (int i = 0; i < PHASES; i++) {
            phases.add(new ArrayList<>());
        }
        for (SchemaChange change : changes) {
            int n = change.upgrade().size();
            for (int i = 0; i < n; i++) {
                Operation op = change.upgrade().get(i);
                phases.get(phase(op)).add(new Step(op, change.downgrade().get(n - 1 - i)));
            }
        }
        phases.set(CREATE_TABLES, byDependencies(phases.get(CREATE_TABLES), false));
        phases.set(DROP_TABLES, byDependencies(phases.get(DROP_TABLES), true));
        return phases.stream().flatMap(List::stream).toList();
    }

    private static int phase(Operation op) {
        if (op instanceof Operation.CreateSequence || op instanceof Operation.CreateEnumType) {
            return 0;
        } else if (op instanceof Operation.CreateTable) {
            return CREATE_TABLES;
        } else if (op instanceof Operation.AddColumn) {
            return 2;
        } else if (op instanceof Operation.AlterColumn) {
            return 3;
        } else if (op instanceof Operation.DropConstraint d) {
            return d.kind() == ConstraintKind.FOREIGN_KEY ? 4 : 5;
        } else if (op instanceof Operation.DropIndex) {
            return 5;
        } else if (op instanceof Operation.AddConstraint a) {
            return a.constraint() instanceof ForeignKey ? 7 : 6;
        } else if (op instanceof Operation.DropColumn) {
            return 8;
        } else if (op instanceof Operation.DropTable) {
            return DROP_TABLES;
        } else if (op instanceof Operation.DropSequence || op instanceof Operation.DropEnumType) {
            return 10;
        }
        return 6;
    }

    /**
     * Table creations with referenced tables first (drops: the reverse, from the creations undoing them),
     * otherwise in the given order; tables left in a cycle keep the given order at the end.
     */
    private static List<Step> byDependencies(List<Step> steps, boolean drops) {
        Map<String, Step> byTable = new LinkedHashMap<>();
        Map<String, Set<String>> refers = new LinkedHashMap<>();
        for (Step step : steps) {
            Operation creation = drops ? step.inverse() : step.operation();
            String table = step.operation().table();
            byTable.put(table, step);
            Set<String> targets = new HashSet<>();
            if (creation instanceof Operation.CreateTable create) {
                create.constraints().stream().filter(ForeignKey.class::isInstance).map(c -> ((ForeignKey) c).referredTable())
                        .filter(t -> !t.equals(table)).forEach(targets::add);
            }
            refers.put(table, targets);
        }
        List<Step> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        boolean progress = true;
        while (progress && done.size() < byTable.size()) {
            progress = false;
            for (String table : byTable.keySet()) {
                if (!done.contains(table) && refers.get(table).stream()
                        .allMatch(t -> done.contains(t) || !byTable.containsKey(t))) {
                    done.add(table);
                    ordered.add(byTable.get(table));
                    progress = true;
                    break;
                }
            }
        }
        byTable.forEach((table, step) -> {
            if (!done.contains(table)) {
                ordered.add(step);
            }
        });
        return drops ? reversed(ordered) : ordered;
    }

    private static List<Step> reversed(List<Step> steps) {
        List<Step> out = new ArrayList<>(steps);
        Collections.reverse(out);
        return out;
    }
}
