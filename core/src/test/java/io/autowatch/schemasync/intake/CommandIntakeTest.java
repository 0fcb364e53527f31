package io.autowatch.schemasync.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandIntakeTest {

    private final Set<String> seen = new HashSet<>();
    private final Map<String, PullRequestHeads.Head> heads = new HashMap<>();
    private final List<CommandRequest> queued = new ArrayList<>();

    private final DeliveryLedger ledger = new DeliveryLedger() {
        @Override
        public boolean firstTime(String key) {
            return seen.add(key);
        }

        @Override
        public void forget(String key) {
            seen.remove(key);
        }
    };

    private final PullRequestHeads known = new PullRequestHeads() {
        @Override
        public void moved(String repository, int pullRequest, String headSha, Instant at) {
            heads.put(repository + "#" + pullRequest, new Head(headSha, at));
        }

        @Override
        public Optional<Head> head(String repository, int pullRequest) {
            return Optional.ofNullable(heads.get(repository + "#" + pullRequest));
        }
    };

    private static CommandRequest comment(String delivery, long commentId) {
        return new CommandRequest(delivery, "o/r", 7, commentId, "ann", Command.REGISTER);
    }

    @Test
    void accept_whenTheSameCommentComesAgainUnderANewDeliveryId_isADuplicate() {
        CommandIntake intake = new CommandIntake(ledger, known, queued::add);
        assertThat(intake.accept(comment("d-1", 42))).isEqualTo(CommandIntake.Outcome.QUEUED);
        assertThat(intake.accept(comment("d-2-replayed", 42))).isEqualTo(CommandIntake.Outcome.DUPLICATE);
        assertThat(intake.accept(comment("d-3", 43))).isEqualTo(CommandIntake.Outcome.QUEUED);
        assertThat(queued).hasSize(2);
    }

    @Test
    void accept_pinsTheCommandToTheLastHeadHeard_withWhenItWasPushed() {
        CommandIntake intake = new CommandIntake(ledger, known, queued::add);
        Instant pushed = Instant.parse("2026-11-30T10:00:00Z");
        intake.headMoved("o/r", 7, "a".repeat(40), pushed);
        intake.accept(comment("d-1", 1));
        assertThat(queued.getFirst().commit()).contains("a".repeat(40));
        assertThat(queued.getFirst().headSeenAt()).contains(pushed);
    }

    @Test
    void accept_whenTheQueueFails_forgetsTheCommand_soARedeliveryIsAccepted() {
        CommandIntake failing = new CommandIntake(ledger, known, c -> {
            throw new IllegalStateException("queue down");
        });
        assertThatThrownBy(() -> failing.accept(comment("d-1", 5))).hasMessageContaining("queue down");
        assertThat(new CommandIntake(ledger, known, queued::add).accept(comment("d-1", 5)))
                .isEqualTo(CommandIntake.Outcome.QUEUED);
    }
}
