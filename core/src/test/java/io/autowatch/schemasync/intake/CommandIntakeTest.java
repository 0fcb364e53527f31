package io.autowatch.schemasync.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CommandIntakeTest {

    private final Set<String> seen = new HashSet<>();
    private final Map<String, PullRequestHeads.Head> heads = new HashMap<>();
    private final List<CommandRequest> queued = new ArrayList<>();
    private final Map<String, Long> counts = new HashMap<>();
    private final CommandCounter counter = (key, forgetAfter) -> counts.merge(key, 1L, Long::sum);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T22:40:00Z"), ZoneOffset.UTC);

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

    private final Set<String> remembered = new TreeSet<>();
    private final KnownRepositories repositories = new KnownRepositories() {
        @Override
        public void remember(String repository) {
            remembered.add(repository);
        }

        @Override
        public List<String> all() {
            return List.copyOf(remembered);
        }
    };

    private static CommandRequest comment(String delivery, long commentId) {
        return new CommandRequest(delivery, "o/r", 7, commentId, "ann", Command.REGISTER);
    }

    @Test
    void accept_whenTheSameCommentComesAgainUnderANewDeliveryId_isADuplicate() {
        CommandIntake intake = new CommandIntake(ledger, known, queued::add, counter, repositories, CLOCK);
        assertThat(intake.accept(comment("d-1", 42))).isEqualTo(CommandIntake.Outcome.QUEUED);
        assertThat(intake.accept(comment("d-2-replayed", 42))).isEqualTo(CommandIntake.Outcome.DUPLICATE);
        assertThat(intake.accept(comment("d-3", 43))).isEqualTo(CommandIntake.Outcome.QUEUED);
        assertThat(queued).hasSize(2);
    }

    @Test
    void accept_pinsTheCommandToTheLastHeadHeard_withWhenItWasPushed() {
        CommandIntake intake = new CommandIntake(ledger, known, queued::add, counter, repositories, CLOCK);
        Instant pushed = Instant.parse("2026-11-30T10:00:00Z");
        intake.headMoved("o/r", 7, "a".repeat(40), pushed);
        intake.accept(comment("d-1", 1));
        assertThat(queued.getFirst().commit()).contains("a".repeat(40));
        assertThat(queued.getFirst().headSeenAt()).contains(pushed);
    }

    @Test
    void accept_whenTheQueueFails_forgetsTheCommand_soARedeliveryIsAccepted() {
        CommandIntake failing = new CommandIntake(
                ledger,
                known,
                c -> {
                    throw new IllegalStateException("queue down");
                },
                counter,
                repositories,
                CLOCK);
        assertThatThrownBy(() -> failing.accept(comment("d-1", 5))).hasMessageContaining("queue down");
        assertThat(new CommandIntake(ledger, known, queued::add, counter, repositories, CLOCK)
                        .accept(comment("d-1", 5)))
                .isEqualTo(CommandIntake.Outcome.QUEUED);
    }

    @Test
    void theEleventhCommandOnAPullRequestInAnHour_isAnsweredOnce_andTheRestAreDropped() {
        CommandIntake intake = new CommandIntake(ledger, known, queued::add, counter, repositories, CLOCK);
        for (int i = 1; i <= CommandLimits.PER_PULL_REQUEST; i++) {
            assertThat(intake.accept(comment("d-" + i, i))).isEqualTo(CommandIntake.Outcome.QUEUED);
        }

        assertThat(intake.accept(comment("d-11", 11))).isEqualTo(CommandIntake.Outcome.OVER_LIMIT);
        assertThat(intake.accept(comment("d-12", 12))).isEqualTo(CommandIntake.Outcome.DROPPED);

        assertThat(queued).hasSize(CommandLimits.PER_PULL_REQUEST + 1);
        assertThat(queued.getLast().overLimit())
                .hasValue("this pull request has had more than 10 autowatch commands this hour (the limit that keeps "
                        + "GitHub's API quota for everyone). Nothing was done; comment again after 23:00 UTC.");
        assertThat(queued.subList(0, 10))
                .allSatisfy(c -> assertThat(c.overLimit()).isEmpty());
    }

    @Test
    void oneUser_isLimitedAcrossPullRequests_andPushesAreNeverCounted() {
        CommandIntake intake = new CommandIntake(ledger, known, queued::add, counter, repositories, CLOCK);
        for (int i = 1; i <= CommandLimits.PER_USER; i++) {
            intake.accept(new CommandRequest("d-" + i, "o/r", i, i, "Ann", Command.PLAN));
        }
        for (int i = 1; i <= 50; i++) {
            assertThat(intake.accept(CommandRequest.reconcile("p-" + i, "o/r", "ann", "%040x".formatted(i))))
                    .isEqualTo(CommandIntake.Outcome.QUEUED);
        }

        CommandIntake.Outcome over = intake.accept(new CommandRequest("d-x", "o/r", 99, 999, "ann", Command.PLAN));

        assertThat(over).isEqualTo(CommandIntake.Outcome.OVER_LIMIT);
        assertThat(queued.getLast().overLimit()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("@ann has given more than 30 autowatch commands this hour"));
    }

    @Test
    void aUserOverTheirOwnLimit_doesNotUseUpThePullRequestsLimitForOthers() {
        CommandIntake intake = new CommandIntake(ledger, known, queued::add, counter, repositories, CLOCK);
        for (int i = 1; i <= CommandLimits.PER_USER; i++) { // her own limit, spent on other pull requests
            intake.accept(new CommandRequest("m-" + i, "o/r", 1 + i % 4, 5000 + i, "mallory", Command.PLAN));
        }
        for (int i = 1; i <= 20; i++) { // then a flood on pull request 7
            intake.accept(new CommandRequest("n-" + i, "o/r", 7, 6000 + i, "mallory", Command.PLAN));
        }

        CommandIntake.Outcome owner =
                intake.accept(new CommandRequest("o-1", "o/r", 7, 9000, "owner", Command.REGISTER));

        assertThat(owner).isEqualTo(CommandIntake.Outcome.QUEUED);
        assertThat(counts.get("pr:o/r#7@2026-12-07T22"))
                .as("only the owner's command")
                .isEqualTo(1L);
    }

    @Test
    void pushesToAPullRequest_arePlannedOnceEach_tenAnHour_thenQuietlyNot_andNeverUseUpItsCommands() {
        CommandIntake intake = new CommandIntake(ledger, known, queued::add, counter, repositories, CLOCK);
        Instant pushed = Instant.parse("2026-12-07T22:30:00Z");
        for (int i = 1; i <= CommandLimits.AUTOPLANS_PER_PULL_REQUEST; i++) {
            CommandRequest plan = CommandRequest.autoplan("a-" + i, "o/r", 7, "ann", "%040x".formatted(i), pushed);
            assertThat(intake.accept(plan)).isEqualTo(CommandIntake.Outcome.QUEUED);
        }
        CommandRequest again = CommandRequest.autoplan("a-1-again", "o/r", 7, "ann", "%040x".formatted(1), pushed);
        assertThat(intake.accept(again)).as("the same event, redelivered").isEqualTo(CommandIntake.Outcome.DUPLICATE);
        CommandRequest reopened =
                CommandRequest.autoplan("a-1-reopened", "o/r", 7, "ann", "%040x".formatted(1), pushed.plusSeconds(60));

        CommandIntake.Outcome eleventh = intake.accept(reopened);
        CommandIntake.Outcome command = intake.accept(comment("d-1", 1));

        assertThat(eleventh).as("a reopen at the same head is a new event").isEqualTo(CommandIntake.Outcome.DROPPED);
        assertThat(queued).hasSize(CommandLimits.AUTOPLANS_PER_PULL_REQUEST + 1);
        assertThat(queued.subList(0, 10))
                .allSatisfy(c -> assertThat(c.overLimit()).isEmpty());
        assertThat(command).as("a reviewer's command is counted apart").isEqualTo(CommandIntake.Outcome.QUEUED);
    }

    @Test
    void onePusherAcrossManyPullRequests_isPlannedThirtyTimesAnHour_thenQuietlyNot() {
        CommandIntake intake = new CommandIntake(ledger, known, queued::add, counter, repositories, CLOCK);
        Instant pushed = Instant.parse("2026-12-07T22:30:00Z");
        for (int i = 1; i <= CommandLimits.AUTOPLANS_PER_USER; i++) {
            CommandRequest plan = CommandRequest.autoplan("a-" + i, "o/r", i, "Mallory", "%040x".formatted(i), pushed);
            assertThat(intake.accept(plan)).isEqualTo(CommandIntake.Outcome.QUEUED);
        }

        CommandIntake.Outcome over =
                intake.accept(CommandRequest.autoplan("a-x", "o/r", 99, "mallory", "%040x".formatted(99), pushed));
        CommandIntake.Outcome someoneElse =
                intake.accept(CommandRequest.autoplan("b-1", "o/r", 99, "ann", "%040x".formatted(100), pushed));

        assertThat(over).isEqualTo(CommandIntake.Outcome.DROPPED);
        assertThat(someoneElse).isEqualTo(CommandIntake.Outcome.QUEUED);
    }

    @Test
    void everyRepositoryThatDeliversSomething_isRemembered_forTheDriftCheck() {
        CommandIntake intake = new CommandIntake(ledger, known, queued::add, counter, repositories, CLOCK);
        intake.accept(comment("d-1", 1));
        intake.accept(CommandRequest.reconcile("p-1", "acme/schemas", "ann", "b".repeat(40)));
        intake.accept(CommandRequest.autoplan("a-1", "acme/events", 3, "bob", "c".repeat(40), Instant.EPOCH));

        assertThat(repositories.all()).containsExactly("acme/events", "acme/schemas", "o/r");
    }
}
