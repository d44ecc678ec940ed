package io.samokoder.migrations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Counts the locks the runs it listens to took (the full path takes one, the fast start none) and keeps results. */
final class Runs implements MigrationListener {

    int locks;
    final List<MigrationResult> results = new ArrayList<>();

    @Override
    public void lockAcquired(Duration waited) {
        this.locks++;
    }

    @Override
    public void runFinished(MigrationResult result) {
        this.results.add(result);
    }

    MigrationResult last() {
        return this.results.get(this.results.size() - 1);
    }
}
