package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.samokoder.migrations.ChecksumStatus;
import io.samokoder.migrations.RevisionInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mock.env.MockEnvironment;

class MigrationsHealthTests {

    @Test
    void upAtTarget() {
        assertThat(MigrationsHealthIndicator.statusOf(report(List.of(), ChecksumStatus.MATCH,
                MigrationsReport.Outcome.SUCCESS))).isEqualTo(Status.UP);
    }

    @Test
    void outOfServiceWhenRevisionsArePending() {
        assertThat(MigrationsHealthIndicator.statusOf(report(List.of("b"), ChecksumStatus.MATCH,
                MigrationsReport.Outcome.NOT_RUN))).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void outOfServiceWhenAnAppliedRevisionDrifted() {
        MigrationsReport report = report(List.of(), ChecksumStatus.CHANGED, MigrationsReport.Outcome.SUCCESS);
        assertThat(report.drifted()).containsExactly("a");
        assertThat(MigrationsHealthIndicator.statusOf(report)).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void outOfServiceWhileARevisionIsLeftPartWay() {
        MigrationsReport atTarget = report(List.of(), ChecksumStatus.MATCH, MigrationsReport.Outcome.NOT_RUN);
        MigrationsReport partial = new MigrationsReport(atTarget.mode(), atTarget.target(), atTarget.current(),
                atTarget.heads(), atTarget.pending(), atTarget.history(), atTarget.lastRun(), atTarget.capturedAt(),
                false, null, List.of("a"));
        assertThat(MigrationsHealthIndicator.statusOf(atTarget)).isEqualTo(Status.UP);
        assertThat(MigrationsHealthIndicator.statusOf(partial)).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void aHeldContractRevisionLeftPartWayByTheDeployJobKeepsTheInstanceInService() {
        MigrationsReport r = report(List.of(), ChecksumStatus.MATCH, MigrationsReport.Outcome.SUCCESS);
        MigrationsReport contractPartial = new MigrationsReport(r.mode(), r.target(), r.current(), r.heads(),
                r.pending(), r.history(), r.lastRun(), r.capturedAt(), false, null, List.of("c3"), List.of(), null,
                List.of(), List.of(), List.of(), List.of("c3"));
        MigrationsReport otherPartial = new MigrationsReport(r.mode(), r.target(), r.current(), r.heads(),
                r.pending(), r.history(), r.lastRun(), r.capturedAt(), false, null, List.of("b2"), List.of(), null,
                List.of(), List.of(), List.of(), List.of("c3"));
        assertThat(MigrationsHealthIndicator.statusOf(contractPartial)).isEqualTo(Status.UP);
        assertThat(MigrationsHealthIndicator.statusOf(otherPartial)).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void upWithModeNoneWhateverIsPendingDriftedOrLeftPartWay() {
        MigrationsReport behind = report(List.of("b"), ChecksumStatus.CHANGED, MigrationsReport.Outcome.NOT_RUN);
        MigrationsReport none = new MigrationsReport(MigrationsProperties.Mode.NONE, behind.target(), behind.current(),
                behind.heads(), behind.pending(), behind.history(), behind.lastRun(), behind.capturedAt(), false, null,
                List.of("a"));
        assertThat(none.drifted()).containsExactly("a");
        assertThat(MigrationsHealthIndicator.statusOf(none)).isEqualTo(Status.UP);
    }

    @Test
    void pendingRepeatableScriptsTakeValidateModeOutOfServiceOnlyWhereNothingWillApplyThem() {
        MigrationsReport at = report(List.of(), ChecksumStatus.MATCH, MigrationsReport.Outcome.NOT_RUN);
        assertThat(MigrationsHealthIndicator.statusOf(withRepeatablesDue(at, MigrationsProperties.Mode.VALIDATE,
                "heads", List.of()))).isEqualTo(Status.OUT_OF_SERVICE);
        // A start-up that migrates applies them; deferred revisions still to run, or another target, leave them.
        assertThat(MigrationsHealthIndicator.statusOf(withRepeatablesDue(at, MigrationsProperties.Mode.UPGRADE,
                "heads", List.of()))).isEqualTo(Status.UP);
        assertThat(MigrationsHealthIndicator.statusOf(withRepeatablesDue(at, MigrationsProperties.Mode.VALIDATE,
                "heads", List.of("d")))).isEqualTo(Status.UP);
        assertThat(MigrationsHealthIndicator.statusOf(withRepeatablesDue(at, MigrationsProperties.Mode.VALIDATE,
                "a", List.of()))).isEqualTo(Status.UP);
    }

    private static MigrationsReport withRepeatablesDue(MigrationsReport r, MigrationsProperties.Mode mode,
            String target, List<String> deferred) {
        return new MigrationsReport(mode, target, r.current(), r.heads(), r.pending(), r.history(), r.lastRun(),
                r.capturedAt(), false, null, List.of(), deferred, null, List.of("R__views.sql"),
                List.of("R__views.sql"));
    }

    @Test
    void downWhenTheLastRunFailed() {
        assertThat(MigrationsHealthIndicator.statusOf(report(List.of("b"), ChecksumStatus.MATCH,
                MigrationsReport.Outcome.FAILED))).isEqualTo(Status.DOWN);
    }

    @Test
    void readinessGroupGainsMigrationsAndLivenessIsUntouched() {
        HealthEndpointGroup readiness = mock(HealthEndpointGroup.class);
        given(readiness.isMember("readinessState")).willReturn(true);
        HealthEndpointGroup liveness = mock(HealthEndpointGroup.class);
        given(liveness.isMember("livenessState")).willReturn(true);
        HealthEndpointGroups groups = HealthEndpointGroups.of(mock(HealthEndpointGroup.class),
                Map.of("readiness", readiness, "liveness", liveness));

        HealthEndpointGroups processed = new ReadinessGroupPostProcessor("migrations", false)
            .postProcessHealthEndpointGroups(groups);

        assertThat(processed.getNames()).isEqualTo(Set.of("readiness", "liveness"));
        assertThat(processed.get("readiness").isMember("migrations")).isTrue();
        assertThat(processed.get("readiness").isMember("readinessState")).isTrue();
        assertThat(processed.get("readiness").isMember("db")).isFalse();
        assertThat(processed.get("liveness").isMember("migrations")).isFalse();
        assertThat(processed.get("liveness")).isSameAs(liveness);
    }

    @Test
    void readinessMembersTheApplicationListsDecide() {
        HealthEndpointGroup readiness = mock(HealthEndpointGroup.class);
        HealthEndpointGroups groups = HealthEndpointGroups.of(mock(HealthEndpointGroup.class),
                Map.of("readiness", readiness));
        assertThat(new ReadinessGroupPostProcessor("migrations", true).postProcessHealthEndpointGroups(groups))
            .isSameAs(groups);
        assertThat(ReadinessGroupPostProcessor.membersConfigured(new MockEnvironment()
            .withProperty("management.endpoint.health.group.readiness.exclude", "migrations"))).isTrue();
        assertThat(ReadinessGroupPostProcessor.membersConfigured(new MockEnvironment()
            .withProperty("management.endpoint.health.group.readiness.include", "readinessState"))).isTrue();
        assertThat(ReadinessGroupPostProcessor.membersConfigured(new MockEnvironment()
            .withProperty("management.endpoint.health.group.readiness.exclude[0]", "migrations"))).isTrue();
        assertThat(ReadinessGroupPostProcessor.membersConfigured(new MockEnvironment()
            .withProperty("management.endpoint.health.group.liveness.exclude", "migrations"))).isFalse();
    }

    @Test
    void withoutAReadinessGroupNothingChanges() {
        HealthEndpointGroups groups = HealthEndpointGroups.of(mock(HealthEndpointGroup.class), Map.of());
        assertThat(new ReadinessGroupPostProcessor("migrations", false).postProcessHealthEndpointGroups(groups))
            .isSameAs(groups);
    }

    private static MigrationsReport report(List<String> pending, ChecksumStatus checksum,
            MigrationsReport.Outcome outcome) {
        RevisionInfo applied = new RevisionInfo("a", List.of(), List.of(), List.of(), "first", "a.sql",
                pending.isEmpty(), false, false, true, Instant.EPOCH, 5L, checksum);
        MigrationsReport.LastRun run = new MigrationsReport.LastRun(Instant.EPOCH, Duration.ofMillis(10), Duration.ZERO,
                outcome, null, List.of(), null, null);
        return new MigrationsReport(MigrationsProperties.Mode.UPGRADE, "heads", List.of("a"), List.of("a"), pending,
                List.of(applied), run, Instant.EPOCH, false, null);
    }
}
