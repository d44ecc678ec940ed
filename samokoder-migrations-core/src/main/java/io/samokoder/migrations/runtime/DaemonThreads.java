package io.samokoder.migrations.runtime;

import java.util.concurrent.ThreadFactory;

/** The threads of one of the engine's executors: named, and daemons, so that none keeps a JVM up. */
final class DaemonThreads implements ThreadFactory {

    private final String name;

    DaemonThreads(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, this.name);
        thread.setDaemon(true);
        return thread;
    }
}
