package io.autowatch.schemasync.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriftStartTest {

    private final List<CommandRequest> queued = new ArrayList<>();

    private static KnownRepositories of(String... names) {
        return new KnownRepositories() {
            @Override
            public void remember(String repository) {}

            @Override
            public List<String> all() {
                return List.of(names);
            }
        };
    }

    @Test
    void aRun_queuesOneDriftCheckPerRepository_inItsOwnGroup_namedByTheRun() {
        DriftStart.Started started = new DriftStart(of("acme/schemas", "Acme/Events"), queued::add, r -> true)
                .start("drift-2026-12-08T06:00:00Z");

        assertThat(started.queued()).containsExactly("acme/schemas", "Acme/Events");
        assertThat(queued).extracting(CommandRequest::command).containsOnly(Command.DRIFT);
        assertThat(queued).extracting(CommandRequest::group).containsExactly("acme/schemas", "acme/events");
        assertThat(queued)
                .extracting(CommandRequest::onceKey)
                .containsExactly(
                        "drift:acme/schemas@drift-2026-12-08T06:00:00Z",
                        "drift:acme/events@drift-2026-12-08T06:00:00Z");
        assertThat(queued).allSatisfy(c -> assertThat(c.commit()).isEmpty());
    }

    @Test
    void oneRepositoryThatCannotBeQueued_doesNotStopTheOthers_andTheRunFailsSoThatItIsRetried() {
        DriftStart start = new DriftStart(
                of("a/one", "b/two", "c/three"),
                command -> {
                    if (command.repository().equals("b/two")) {
                        throw new IllegalStateException("throttled");
                    }
                    queued.add(command);
                },
                r -> true);

        assertThatThrownBy(() -> start.start("drift-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("could not queue the drift check of 1 of 3 repositories: b/two");
        assertThat(queued).extracting(CommandRequest::repository).containsExactly("a/one", "c/three");
    }

    @Test
    void aRepositoryThisDeploymentDoesNotServe_isNotQueued() {
        new DriftStart(of("shop/schemas", "elsewhere/schemas"), queued::add, r -> r.startsWith("shop/"))
                .start("drift-1");

        assertThat(queued).extracting(CommandRequest::repository).containsExactly("shop/schemas");
    }

    @Test
    void moreRepositoriesThanOneRunChecks_areCheckedInTurn_aDifferentThousandEachRun_allServedOnesCounted() {
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            served.add("org/repo-%04d".formatted(i));
        }
        Set<String> checked = new HashSet<>();
        for (String run :
                List.of("drift-2026-12-08T06:00:00Z", "drift-2026-12-09T06:00:00Z", "drift-2026-12-10T06:00:00Z")) {
            List<String> today = DriftStart.todays(served, run);
            assertThat(today).hasSize(KnownRepositories.MAX).doesNotHaveDuplicates();
            checked.addAll(today);
        }

        assertThat(checked).as("three days cover more than one day's thousand").hasSizeGreaterThan(1_000);
        assertThat(DriftStart.todays(served.subList(0, 10), "any")).isEqualTo(served.subList(0, 10));
    }
}
