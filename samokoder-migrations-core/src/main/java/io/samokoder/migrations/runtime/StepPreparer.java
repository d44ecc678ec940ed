package io.samokoder.migrations.runtime;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.RevisionScript;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Splits the statements of the SQL scripts a run is about to execute, and computes their checksums
 * and content hashes (which the log rows record), and the checksums of its Java revisions, on a
 * thread of its own a few steps ahead of the run, so that the run's connection does not wait while
 * that is done: the run mostly waits for the server, and a second core is then idle.
 *
 * <p>It only fills what each {@link RevisionScript} computes on first use and keeps anyway; the run
 * asks the script as before and gets the same values, whichever thread computed them. (The plan's
 * scripts were split before the run began, see {@code PlanChecks.statements}; an error here is left to
 * the run all the same.)
 *
 * <p>Once {@link #AHEAD} steps ahead, the thread waits until the run has used half of them and then
 * prepares the next half in one go: woken once per {@code AHEAD / 2} steps rather than at every step,
 * it takes the run's core less often from the run and the server.
 *
 * <p>When every step is prepared (the run is then within {@link #AHEAD} steps of its end), it runs the
 * caller's closing task, if any: work the run needs only after its last step (the fingerprint to record),
 * so that it is done while the last steps wait for the server. The task must keep its result where
 * the run finds it, and compute it there itself when the task did not.
 */
final class StepPreparer implements Runnable {

    /** How far ahead of the run the thread may go, in steps. */
    static final int AHEAD = 32;

    private final List<Step> steps;
    private final Function<Step, RevisionScript> scripts;
    /** The run's database, whose lexical rules split the scripts. */
    private final Dialect dialect;
    /** Runs after the last step is prepared, unless stopped before; {@code null} for none. */
    private final Runnable closing;
    /** The index of the step the run is at. */
    private volatile int reached;
    /** The step index at which the run wakes the waiting thread; {@link Integer#MAX_VALUE} while it works. */
    private volatile int resumeAt = Integer.MAX_VALUE;
    private volatile boolean stopped;
    private volatile Thread waiting;

    private StepPreparer(List<Step> steps, Function<Step, RevisionScript> scripts, Dialect dialect,
            Runnable closing) {
        this.steps = steps;
        this.scripts = scripts;
        this.dialect = dialect;
        this.closing = closing;
    }

    /**
     * Starts preparing the steps on a daemon thread, then runs {@code closing} (may be {@code null}) on
     * it; {@code null} when there are too few steps for it to be worth a thread (the run then does the
     * closing task's work itself).
     */
    static StepPreparer start(List<Step> steps, Function<Step, RevisionScript> scripts, Dialect dialect,
            Runnable closing) {
        if (steps.size() < 2) {
            return null;
        }
        StepPreparer preparer = new StepPreparer(steps, scripts, dialect, closing);
        Thread thread = new Thread(preparer, "samokoder-migrations-prepare");
        thread.setDaemon(true);
        thread.start();
        return preparer;
    }

    /** The run is at step {@code index} of the steps given. */
    void reached(int index) {
        this.reached = index;
        if (index >= this.resumeAt) {
            Thread thread = this.waiting;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
    }

    /** Ends the thread after the step it is preparing. */
    void stop() {
        this.stopped = true;
        Thread thread = this.waiting;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void run() {
        for (int i = 0; i < this.steps.size() && !this.stopped; i++) {
            if (i > this.reached + AHEAD) {
                // Set before the run's index is read again: the run then either sees them and wakes this
                // thread, or wrote an index that the loop's first check reads.
                this.resumeAt = i - AHEAD / 2;
                this.waiting = Thread.currentThread();
                while (this.reached < this.resumeAt && !this.stopped) {
                    LockSupport.park(this);
                }
                this.waiting = null;
                this.resumeAt = Integer.MAX_VALUE;
            }
            if (!this.stopped) {
                prepare(this.steps.get(i));
            }
        }
        if (this.closing != null && !this.stopped) {
            try {
                this.closing.run();
            } catch (RuntimeException e) {
                // The run does the same work itself when it needs the result, and meets the error then.
            }
        }
    }

    private void prepare(Step step) {
        RevisionScript script = this.scripts.apply(step);
        if (script == null) {
            return;
        }
        try {
            if (script.code().isPresent()) {
                // A Java revision's checksum is computed on first use (its statements need the dialect).
                script.checksum();
                return;
            }
            if (step.kind() == Step.Kind.UPGRADE) {
                script.upgradeStatements(this.dialect);
            } else if (step.kind() == Step.Kind.DOWNGRADE) {
                script.downgradeStatements(this.dialect);
            }
            script.checksum();
            script.contentHash();
        } catch (RuntimeException e) {
            // The run splits this script itself at its step and reports what is wrong there.
        }
    }
}
