package io.samokoder.migrations.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.Dialects;
import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.RevisionCode;
import io.samokoder.migrations.script.Phase;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptFormatException;
import io.samokoder.migrations.script.ScriptLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the preparer asks for, how far ahead of the run it goes, and that it leaves bad scripts alone. */
class StepPreparerTest {

    private static final Dialect POSTGRESQL = Dialects.forName("postgresql").orElseThrow();


    private static final int STEPS = 100;

    @Test
    void staysWithinItsLeadOfTheRunAndFollowsIt() throws Exception {
        List<Step> steps = steps(STEPS);
        List<String> asked = new CopyOnWriteArrayList<>();
        List<String> closed = new CopyOnWriteArrayList<>();
        StepPreparer preparer = StepPreparer.start(steps, step -> {
            asked.add(step.revision());
            return script(step.revision(), "CREATE TABLE " + step.revision() + " (id int);");
        }, POSTGRESQL, () -> closed.add("closing"));
        assertThat(preparer).isNotNull();
        awaitSize(asked, StepPreparer.AHEAD + 1);
        TimeUnit.MILLISECONDS.sleep(100);
        assertThat(asked).as("the steps up to its lead, in order").isEqualTo(ids(0, StepPreparer.AHEAD + 1));

        preparer.reached(50);
        awaitSize(asked, 50 + StepPreparer.AHEAD + 1);
        TimeUnit.MILLISECONDS.sleep(100);
        assertThat(asked).hasSize(50 + StepPreparer.AHEAD + 1);

        preparer.stop();
        preparer.reached(STEPS - 1);
        TimeUnit.MILLISECONDS.sleep(100);
        assertThat(asked).as("nothing after stop()").hasSize(50 + StepPreparer.AHEAD + 1);
        assertThat(closed).as("no closing task after stop()").isEmpty();
    }

    @Test
    void onceFullWaitsForTheRunToUseHalfItsLeadThenPreparesThatHalfInOneGo() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        StepPreparer preparer = StepPreparer.start(steps(STEPS), step -> {
            asked.add(step.revision());
            return script(step.revision(), "CREATE TABLE " + step.revision() + " (id int);");
        }, POSTGRESQL, null);
        awaitSize(asked, StepPreparer.AHEAD + 1);
        int half = StepPreparer.AHEAD / 2;
        for (int step = 1; step <= half; step++) {
            preparer.reached(step);
        }
        TimeUnit.MILLISECONDS.sleep(100);
        assertThat(asked).as("not woken while more than half its lead is left").hasSize(StepPreparer.AHEAD + 1);

        preparer.reached(half + 1);
        awaitSize(asked, half + 1 + StepPreparer.AHEAD + 1);
        TimeUnit.MILLISECONDS.sleep(100);
        assertThat(asked).as("the next half, in order").isEqualTo(ids(0, half + 1 + StepPreparer.AHEAD + 1));
        preparer.stop();
    }

    @Test
    void runsTheClosingTaskOnceEveryStepIsPreparedAndNotBefore() throws Exception {
        List<Step> steps = steps(STEPS);
        List<String> events = new CopyOnWriteArrayList<>();
        StepPreparer preparer = StepPreparer.start(steps, step -> {
            events.add(step.revision());
            return script(step.revision(), "CREATE TABLE " + step.revision() + " (id int);");
        }, POSTGRESQL, () -> events.add("closing"));
        awaitSize(events, StepPreparer.AHEAD + 1);
        TimeUnit.MILLISECONDS.sleep(100);
        assertThat(events).as("not while steps are left to prepare").doesNotContain("closing");

        preparer.reached(STEPS - StepPreparer.AHEAD - 1);
        awaitSize(events, STEPS + 1);
        List<String> expected = ids(0, STEPS);
        expected.add("closing");
        assertThat(events).as("every step, then the closing task, once").isEqualTo(expected);
        preparer.stop();
    }

    @Test
    void aFailingClosingTaskEndsTheThreadQuietly() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        try {
            StepPreparer.start(steps(2), step -> {
                asked.add(step.revision());
                return null;
            }, POSTGRESQL, () -> {
                asked.add("closing");
                throw new IllegalStateException("cannot stamp");
            });
            awaitSize(asked, 3);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (preparerAlive() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(asked).containsExactly("r0", "r1", "closing");
        assertThat(preparerAlive()).as("the thread ended").isFalse();
        assertThat(uncaught).as("the task's error is left to the run, not thrown on the thread").isEmpty();
    }

    private static boolean preparerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("samokoder-migrations-prepare") && t.isAlive());
    }

    @Test
    void goesPastAScriptThatCannotBeSplitAndLeavesItsErrorToTheRun() throws Exception {
        List<Step> steps = steps(3);
        List<RevisionScript> scripts = List.of(script("r0", "CREATE TABLE a (id int);"),
                script("r1", "INSERT INTO a VALUES ('unterminated);"), script("r2", "DROP TABLE a;"));
        List<String> asked = new CopyOnWriteArrayList<>();
        StepPreparer.start(steps, step -> {
            asked.add(step.revision());
            return scripts.get(Integer.parseInt(step.revision().substring(1)));
        }, POSTGRESQL, null);
        awaitSize(asked, 3);
        assertThat(asked).containsExactly("r0", "r1", "r2");
        assertThatThrownBy(scripts.get(1)::upgradeStatements).as("the run still meets the error at its step")
                .isInstanceOf(ScriptFormatException.class).hasMessageContaining("r1.sql");
        assertThat(scripts.get(2).upgradeStatements()).hasSize(1);
    }

    @Test
    void computesTheChecksumsOfRevisionsWrittenAsCodeAheadOfTheRun() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        RevisionCode code = new CodeStub(() -> {
            threads.add(Thread.currentThread().getName());
            return "j1:0";
        });
        List<Step> steps = steps(2);
        StepPreparer.start(steps, step -> RevisionScript.ofCode(new Revision(step.revision(), List.of(), Set.of(),
                List.of(), "", "java:" + step.revision()), "java:" + step.revision(), null, true, false, Phase.EXPAND,
                null, null, code),
                POSTGRESQL, null);
        awaitSize(threads, 2);
        assertThat(threads).containsExactly("samokoder-migrations-prepare", "samokoder-migrations-prepare");
    }

    @Test
    void aPlanOfOneStepNeedsNoThread() {
        assertThat(StepPreparer.start(steps(1), step -> null, POSTGRESQL, () -> { })).isNull();
    }

    private static List<Step> steps(int n) {
        List<Step> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = "r" + i;
            steps.add(new Step(Step.Kind.UPGRADE, id, List.of(), List.of(id), List.of(), List.of(), List.of(id)));
        }
        return steps;
    }

    private static List<String> ids(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add("r" + i);
        }
        return ids;
    }

    private static RevisionScript script(String id, String upgrade) {
        return ScriptLoader.parse(id + ".sql", "-- " + id + "\n-- Revision ID: " + id + "\n\n-- migrate:upgrade\n"
                + upgrade + "\n");
    }

    private static void awaitSize(List<String> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (list.size() < size && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertThat(list).hasSizeGreaterThanOrEqualTo(size);
    }
}
