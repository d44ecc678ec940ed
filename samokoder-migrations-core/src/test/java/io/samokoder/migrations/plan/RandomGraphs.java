package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.Revision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random histories with branches, merges and {@code depends_on}, generated in topological
 * order and then sorted by id, as script files named after their ids would load.
 */
final class RandomGraphs {

    private RandomGraphs() {
    }

    /**
     * Generates a history.
     *
     * @param seed the random seed
     * @param size the number of revisions
     * @param maxTips how many branches may be open at once
     * @param dependencyRate the chance that a revision depends on an earlier one on another branch
     * @return the revisions sorted by id (the load order)
     */
    static List<Revision> generate(long seed, int size, int maxTips, double dependencyRate) {
        Random random = new Random(seed);
        List<Revision> created = new ArrayList<>(size);
        List<String> tips = new ArrayList<>();
        Set<String> usedIds = new HashSet<>();
        for (int i = 0; i < size; i++) {
            String id;
            do {
                id = String.format("%012x", random.nextLong() & 0xffffffffffffL);
            } while (!usedIds.add(id));
            List<String> down = new ArrayList<>();
            double roll = random.nextDouble();
            if (created.isEmpty() || (roll < 0.02 && tips.size() < maxTips)) {
                // a new root
            } else if (roll < 0.12 && tips.size() < maxTips) {
                // a branch from a recent revision
                int from = Math.max(0, created.size() - 1 - random.nextInt(Math.min(created.size(), 20)));
                down.add(created.get(from).id());
            } else if (roll < 0.22 && tips.size() >= 2) {
                int first = random.nextInt(tips.size());
                int second = random.nextInt(tips.size() - 1);
                if (second >= first) {
                    second++;
                }
                down.add(tips.get(first));
                down.add(tips.get(second));
                if (tips.size() >= 3 && random.nextDouble() < 0.2) {
                    for (String tip : tips) {
                        if (!down.contains(tip)) {
                            down.add(tip);
                            break;
                        }
                    }
                }
            } else {
                down.add(tips.get(random.nextInt(tips.size())));
            }
            List<String> deps = new ArrayList<>();
            if (created.size() > 5 && random.nextDouble() < dependencyRate) {
                String dep = created.get(random.nextInt(created.size())).id();
                if (!down.contains(dep)) {
                    deps.add(dep);
                }
            }
            tips.removeAll(down);
            tips.add(id);
            Set<String> labels = new LinkedHashSet<>();
            created.add(new Revision(id, down, labels, deps, "revision " + i, ""));
        }
        List<Revision> sorted = new ArrayList<>(created);
        sorted.sort(Comparator.comparing(Revision::id));
        return sorted;
    }

    /**
     * A history shaped like a team's: a main line, feature branches forked from it that run a few
     * revisions and merge back (several open at once), a few branches left open as extra heads,
     * and occasional {@code depends_on} across branches. Sorted by id, as files would load.
     *
     * @param seed the random seed
     * @param size the number of revisions
     * @return the revisions sorted by id
     */
    static List<Revision> teamHistory(long seed, int size) {
        Random random = new Random(seed);
        List<Revision> created = new ArrayList<>(size);
        Set<String> usedIds = new HashSet<>();
        String main = null;
        List<String> open = new ArrayList<>();
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id;
            do {
                id = String.format("%012x", random.nextLong() & 0xffffffffffffL);
            } while (!usedIds.add(id));
            List<String> down = new ArrayList<>();
            List<String> deps = new ArrayList<>();
            double roll = random.nextDouble();
            int branch = -1;
            if (main == null) {
                main = id;
            } else if (roll < 0.08 && open.size() < 6) {
                down.add(main);
                open.add(id);
                remaining.add(random.nextDouble() < 0.03 ? Integer.MAX_VALUE : 1 + random.nextInt(8));
            } else if (roll < 0.6 && !open.isEmpty()) {
                branch = random.nextInt(open.size());
                if (remaining.get(branch) <= 0) {
                    down.add(main);
                    down.add(open.get(branch));
                    open.remove(branch);
                    remaining.remove(branch);
                    main = id;
                } else {
                    down.add(open.get(branch));
                    open.set(branch, id);
                    remaining.set(branch, remaining.get(branch) - 1);
                }
            } else {
                down.add(main);
                main = id;
            }
            if (!down.isEmpty() && created.size() > 10 && random.nextDouble() < 0.01) {
                String dep = created.get(created.size() - 1 - random.nextInt(10)).id();
                if (!down.contains(dep)) {
                    deps.add(dep);
                }
            }
            created.add(new Revision(id, down, new LinkedHashSet<>(), deps, "revision " + i, ""));
        }
        List<Revision> sorted = new ArrayList<>(created);
        sorted.sort(Comparator.comparing(Revision::id));
        return sorted;
    }
}
