package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresDatabaseExtension.class)
class MigrationListenerTest {

    /** Records the callbacks in order. */
    private static final class Recorder implements MigrationListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void lockAcquired(Duration waited) {
            this.events.add("lock");
        }

        @Override
        public void stepStarting(PlannedStep step) {
            this.events.add("start " + step.revision());
        }

        @Override
        public void stepFinished(StepResult result) {
            this.events.add("finish " + result.revision() + " " + result.attempts());
        }

        @Override
        public void stepFailed(PlannedStep step, MigrationException error) {
            this.events.add("fail " + step.revision());
        }

        @Override
        public void runFinished(MigrationResult result) {
            this.events.add("done " + result.steps().size());
        }

        @Override
        public void runFailed(MigrationException error) {
            this.events.add("failed " + error.getClass().getSimpleName());
        }
    }

    @Test
    void listenersHearEveryStepAndAThrowingListenerChangesNothing(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "listeners");
        Rev.writeAll(dir, Rev.of("a1", "").message("First").up("CREATE TABLE first (id int);").down("DROP TABLE first;"),
                Rev.of("b2", "a1").up("CREATE TABLE second (id int);").down("DROP TABLE second;"),
                Rev.of("c3", "b2").up("INSERT INTO missing VALUES (1);").down("SELECT 1;"));
        Recorder recorder = new Recorder();
        MigrationListener broken = new MigrationListener() {
            @Override
            public void stepFinished(StepResult result) {
                throw new IllegalStateException("listener bug");
            }
        };
        Migrations m = new Migrations(Db.config(ds, dir).listener(broken).listener(recorder).build());

        m.upgrade("b2");
        assertThat(recorder.events).containsExactly("lock", "start a1", "finish a1 1", "start b2", "finish b2 1",
                "done 2");

        recorder.events.clear();
        assertThatThrownBy(() -> m.upgrade("heads")).isInstanceOf(MigrationExecutionException.class);
        assertThat(recorder.events).containsExactly("lock", "start c3", "fail c3", "failed MigrationExecutionException");

        recorder.events.clear();
        m.upgrade("b2");
        assertThat(recorder.events).containsExactly("lock", "done 0");
        assertThat(m.current()).containsExactly("b2");
    }
}
