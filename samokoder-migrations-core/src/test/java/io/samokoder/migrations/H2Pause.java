package io.samokoder.migrations;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A function for revisions on H2 ({@code CREATE ALIAS PAUSE FOR 'io.samokoder.migrations.H2Pause.pause'}):
 * it signals that it runs, then waits until the test releases it. Public, as H2 calls it by reflection.
 */
public final class H2Pause {

    private static volatile CountDownLatch entered = new CountDownLatch(1);
    private static volatile CountDownLatch release = new CountDownLatch(1);

    private H2Pause() {
    }

    /** Signals {@link #awaitEntered}, then waits for {@link #release()} (at most a minute); returns 1. */
    public static int pause() throws InterruptedException {
        entered.countDown();
        return release.await(60, TimeUnit.SECONDS) ? 1 : 0;
    }

    /** Arms a new pause. */
    static void reset() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    static boolean awaitEntered(long seconds) throws InterruptedException {
        return entered.await(seconds, TimeUnit.SECONDS);
    }

    static void release() {
        release.countDown();
    }
}
