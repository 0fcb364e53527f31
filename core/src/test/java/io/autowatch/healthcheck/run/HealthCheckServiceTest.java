package io.autowatch.healthcheck.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.DayCount;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.CheckResult;
import io.autowatch.healthcheck.CountsReader;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.ResultStore;
import io.autowatch.healthcheck.RetireSummary;
import io.autowatch.healthcheck.RunSummary;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.Shard;
import io.autowatch.healthcheck.SystemFailureException;
import io.autowatch.healthcheck.alert.AlertLedger;
import io.autowatch.healthcheck.alert.AlertLedger.Claim;
import io.autowatch.healthcheck.alert.AlertPublisher;
import io.autowatch.healthcheck.alert.FailedJobs;
import io.autowatch.healthcheck.alert.Notification;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.healthcheck.alert.Retirement;
import io.autowatch.healthcheck.judge.DayJudge;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.healthcheck.judge.classic.ClassicPolicy;
import io.autowatch.healthcheck.settings.HolidayCalendars;
import io.autowatch.healthcheck.settings.Scope;
import io.autowatch.healthcheck.settings.SettingsBook;
import io.autowatch.healthcheck.settings.SettingsOverride;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run's orchestration with in-memory ports: failure isolation, ordering of ledger and publisher. */
class HealthCheckServiceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Instant EVENT = Instant.parse("2026-11-21T00:30:00Z");
    private static final LocalDate FROM = DAY.minusDays(42);

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<JobId, CountSeries> series = new HashMap<>();
    private final List<CountsReader.RejectedCount> rejected = new ArrayList<>();
    /** Slices are stored at once, from several threads, as the store in AWS is. */
    private final List<CheckResult> saved = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger storeCalls = new AtomicInteger();
    private final MemoryLedger ledger = new MemoryLedger();
    private final List<Notification> published = new ArrayList<>();
    private final List<FailedJobs> failureNotices = new ArrayList<>();
    private final List<Retirement> retirements = new ArrayList<>();
    /** The days a run must read: the checked day and its look-back. */
    private LocalDate readFrom = FROM;

    private LocalDate readTo = DAY;
    /** These tests are about the run's mechanics, judged by classic's rule: the deployment's default item asks for it. */
    private static final SettingsOverride CLASSIC_FOR_ALL =
            SettingsOverride.empty(new Scope.AllJobs()).withPolicy(ClassicPolicy.NAME);

    private SettingsBook settings = new SettingsBook(List.of(CLASSIC_FOR_ALL));
    private final Set<JobId> publishFailsFor = new HashSet<>();
    private boolean topicMissing;
    private final Set<JobId> unsavable = new HashSet<>();
    private boolean tableMissing;
    private RuntimeException readFailsAfterAPart;

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private HealthCheckService service() {
        CountsReader reader = new CountsReader() {
            @Override
            public Snapshot read(LocalDate from, LocalDate to) {
                assertThat(from).isEqualTo(readFrom);
                assertThat(to).isEqualTo(readTo);
                return new CountsReader.Snapshot(series, rejected);
            }

            @Override
            public void readInParts(
                    LocalDate from, LocalDate to, Shard shard, Set<JobId> jobs, Consumer<Snapshot> part) {
                if (readFailsAfterAPart == null) {
                    CountsReader.super.readInParts(from, to, shard, jobs, part);
                    return;
                }
                // The first job, in a part of its own; then the read fails.
                JobId first = series.keySet().stream().sorted().findFirst().orElseThrow();
                part.accept(new Snapshot(Map.of(first, series.get(first)), List.of()));
                throw readFailsAfterAPart;
            }
        };
        AlertPublisher publisher = new AlertPublisher() {
            @Override
            public void publish(Notification n) {
                if (topicMissing) {
                    throw new SystemFailureException("topic missing", null);
                }
                if (publishFailsFor.contains(n.job())) {
                    throw new IllegalStateException("throttled");
                }
                synchronized (published) {
                    published.add(n);
                }
            }

            @Override
            public void publishFailures(FailedJobs failed) {
                failureNotices.add(failed);
            }

            @Override
            public void publishRetirement(Retirement retirement) {
                if (publishFailsFor.contains(retirement.job())) {
                    throw new IllegalStateException("throttled");
                }
                retirements.add(retirement);
            }
        };
        ResultStore store = results -> {
            storeCalls.incrementAndGet();
            if (tableMissing) {
                throw new SystemFailureException("table missing", null);
            }
            saved.addAll(results);
            return Set.copyOf(unsavable);
        };
        return new HealthCheckService(
                reader,
                () -> settings,
                store,
                ledger,
                publisher,
                Policies.standard(),
                HolidayCalendars.none(),
                Clock.fixed(EVENT.plusSeconds(30), ZoneOffset.UTC),
                executor);
    }

    /**
     * Retires through the service, whose clock says DAY + 1: it reads the jobs' counts of the longest look-back up to
     * that day, to tell a mistyped id from a job.
     */
    private RetireSummary retire(Set<JobId> jobs, String reason) {
        LocalDate[] range = {readFrom, readTo};
        readFrom = DAY.plusDays(1).minusDays(settings.maxLookbackDays() + 2L);
        readTo = DAY.plusDays(2);
        try {
            return service().retire(jobs, reason);
        } finally {
            readFrom = range[0];
            readTo = range[1];
        }
    }

    private void job(String id, long today, long level) {
        List<DayCount> days = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            days.add(new DayCount(DAY.minusDays(i), level));
        }
        if (today >= 0) {
            days.add(new DayCount(DAY, today));
        }
        series.put(JobId.of(id), CountSeries.of(FROM, DAY, days));
    }

    @Test
    void theShardsOfARun_togetherCheckAndAlertExactlyWhatAWholeRunDoes_eachJobOnce() {
        for (int i = 0; i < 40; i++) {
            job("job/" + i, i % 5 == 0 ? 10 : 100, 100);
        }
        List<Shard> shards = ShardPlan.of(40, 15);
        assertThat(shards).hasSize(3);

        int checked = 0;
        int alerts = 0;
        for (Shard shard : shards) {
            RunSummary part = service().run(CheckRequest.scheduled(EVENT).inShard(shard));
            checked += part.checked();
            alerts += part.alertsPublished();
        }

        assertThat(checked).isEqualTo(40);
        assertThat(alerts).isEqualTo(8);
        assertThat(saved).extracting(CheckResult::job).doesNotHaveDuplicates().hasSize(40);
        assertThat(published)
                .extracting(Notification::job)
                .doesNotHaveDuplicates()
                .allSatisfy(job -> assertThat(Integer.parseInt(job.value().substring(4)) % 5)
                        .isZero());
    }

    @Test
    void aFailingPublish_failsThatJobOnly_andIsRetriedNextRun() {
        job("a", 10, 100);
        job("b", 10, 100);
        publishFailsFor.add(JobId.of("a"));

        RunSummary first = service().run(CheckRequest.scheduled(EVENT));
        assertThat(first.alertsPublished()).isEqualTo(1);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(published).extracting(Notification::job).containsExactly(JobId.of("b"));
        assertThat(failureNotices)
                .singleElement()
                .satisfies(n -> assertThat(n.failures()).singleElement().satisfies(f -> {
                    assertThat(f.job()).isEqualTo(JobId.of("a"));
                    assertThat(f.reason()).contains("its alert could not be published (throttled)");
                }));

        publishFailsFor.clear();
        RunSummary second = service().run(CheckRequest.scheduled(EVENT));
        assertThat(second.alertsPublished()).isEqualTo(1);
        assertThat(published).extracting(Notification::job).containsExactlyInAnyOrder(JobId.of("a"), JobId.of("b"));
    }

    @Test
    void aReRunOfADay_skipsTheNoticesAlreadySent_withoutClaimingThem_andSendsTheOneThatFailed() {
        job("a", 10, 100);
        job("b", 10, 100);
        publishFailsFor.add(JobId.of("a"));
        service().run(CheckRequest.scheduled(EVENT));
        publishFailsFor.clear();
        int claimsBefore = ledger.claimAttempts;

        RunSummary again = service().run(CheckRequest.scheduled(EVENT));

        assertThat(again.alertsPublished())
                .as("a's alert, which failed the first time")
                .isEqualTo(1);
        assertThat(ledger.claimAttempts - claimsBefore)
                .as("b's alert was sent already: read in bulk, not claimed")
                .isEqualTo(1);
    }

    @Test
    void aResultThatCannotBeStored_failsThatJob_butItsAlertStillGoesOut() {
        job("a", 10, 100);
        job("b", 100, 100);
        unsavable.add(JobId.of("a"));
        RunSummary summary = service().run(CheckRequest.scheduled(EVENT));
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.alertsPublished()).isEqualTo(1);
    }

    @Test
    void aSystemFailureWhileStoring_failsTheRunWithThatFailure() {
        job("a", 100, 100);
        tableMissing = true;
        assertThatThrownBy(() -> service().run(CheckRequest.scheduled(EVENT)))
                .isInstanceOf(SystemFailureException.class)
                .hasMessage("table missing");
    }

    @Test
    void aSystemFailureWhileStoring_stopsStoringTheSlicesStillToCome() {
        settings = SettingsBook.defaultsOnly();
        int slices = 12;
        for (int i = 0; i < JudgedSlices.JOBS_PER_SLICE * slices; i++) {
            job("job-%05d".formatted(i), 100, 100);
        }
        tableMissing = true;
        assertThatThrownBy(() -> service().run(CheckRequest.scheduled(EVENT)))
                .isInstanceOf(SystemFailureException.class)
                .hasMessage("table missing");
        assertThat(storeCalls.get())
                .as("the slices judged after the table went missing are not sent to it")
                .isLessThan(slices);
    }

    @Test
    void openIncidentsThatCannotBeRead_failTheRunWithThatFailure_andNothingIsJudgedOrSent() {
        job("a", 10, 100);
        ledger.incidentsUnreadable = true;
        assertThatThrownBy(() -> service().run(CheckRequest.scheduled(EVENT)))
                .isInstanceOf(SystemFailureException.class)
                .hasMessage("health table missing");
        assertThat(saved).isEmpty();
        assertThat(ledger.claims).isEmpty();
        assertThat(ledger.sent).isEmpty();
    }

    @Test
    void aSystemFailureWhilePublishing_failsTheRun_andLeavesNothingClaimed() {
        job("a", 10, 100);
        topicMissing = true;
        assertThatThrownBy(() -> service().run(CheckRequest.scheduled(EVENT)))
                .isInstanceOf(SystemFailureException.class);
        assertThat(ledger.claims).isEmpty();
        topicMissing = false;
        assertThat(service().run(CheckRequest.scheduled(EVENT)).alertsPublished())
                .isEqualTo(1);
    }

    @Test
    void badSettingsOrAnUnknownPolicyOrAnInvalidCount_failOnlyThatJob() {
        job("settings/x", 100, 100);
        job("policy/x", 100, 100);
        job("count/x", -1, 100);
        job("fine", 100, 100);
        rejected.add(new CountsReader.RejectedCount("count/x", DAY.toString(), "count is negative: -3"));
        settings = new SettingsBook(List.of(
                CLASSIC_FOR_ALL,
                SettingsOverride.unreadable(new Scope.Prefix("settings/"), "windw: unknown setting"),
                SettingsOverride.empty(new Scope.Prefix("policy/")).withPolicy("fancy")));

        RunSummary summary = service().run(CheckRequest.scheduled(EVENT));

        assertThat(summary.checked()).isEqualTo(4);
        assertThat(summary.failed()).isEqualTo(3);
        assertThat(summary.count(HealthStatus.HEALTHY)).isEqualTo(1);
        assertThat(saved)
                .filteredOn(r -> r instanceof CheckResult.Failed)
                .extracting(r -> ((CheckResult.Failed) r).reason())
                .anySatisfy(r -> assertThat(r).contains("windw"))
                .anySatisfy(r -> assertThat(r).contains("unknown policy 'fancy'"))
                .anySatisfy(r -> assertThat(r).contains("count is negative: -3"));
        assertThat(published).isEmpty();
        assertThat(failureNotices)
                .as("one chat message for the run, naming each failed job and why")
                .singleElement()
                .satisfies(notice -> assertThat(notice.failures())
                        .extracting(f -> f.job().value() + ": " + f.reason())
                        .hasSize(3)
                        .anySatisfy(l -> assertThat(l).startsWith("count/x: ").contains("count is negative: -3"))
                        .anySatisfy(l -> assertThat(l).startsWith("policy/x: ").contains("unknown policy 'fancy'"))
                        .anySatisfy(
                                l -> assertThat(l).startsWith("settings/x: ").contains("windw")));

        service().run(CheckRequest.scheduled(EVENT));
        assertThat(failureNotices)
                .as("the same failed jobs are told once a day")
                .hasSize(1);
        job("policy/y", 100, 100);
        service().run(CheckRequest.scheduled(EVENT));
        assertThat(failureNotices).as("a new failure is told at once").hasSize(2);
        assertThat(failureNotices.get(1).failures()).hasSize(4);
    }

    @Test
    void aJobWhoseEveryCountIsInvalid_fails_sayingSo_insteadOfBeingSkipped() {
        job("fine", 100, 100);
        rejected.add(
                new CountsReader.RejectedCount("strings/x", DAY.minusDays(3).toString(), "count is a String"));
        rejected.add(
                new CountsReader.RejectedCount("strings/x", DAY.minusDays(9).toString(), "count is a String"));

        RunSummary summary = service().run(CheckRequest.scheduled(EVENT));

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(saved)
                .filteredOn(r -> r.job().equals(JobId.of("strings/x")))
                .singleElement()
                .satisfies(r -> assertThat(((CheckResult.Failed) r).reason())
                        .contains("every count of this job from 2026-10-09 to 2026-11-20 is invalid")
                        .contains("2026-11-17: count is a String"));
        assertThat(failureNotices).singleElement().satisfies(n -> assertThat(n.failures())
                .extracting(f -> f.job().value())
                .containsExactly("strings/x"));
    }

    @Test
    void aDeadJobWithAnOpenIncident_isStillChecked_andKeepsAlerting_untilItWritesAgain() {
        job("fine", 100, 100);
        JobId dead = JobId.of("dead/x");
        ledger.incidents.put(
                dead,
                new OpenIncident(dead, FROM.minusDays(10), FROM.minusDays(1), Severity.CRITICAL, HealthStatus.ZERO));

        RunSummary summary = service().run(CheckRequest.scheduled(EVENT));

        assertThat(summary.checked()).isEqualTo(2);
        assertThat(published).singleElement().satisfies(n -> {
            assertThat(n.job()).isEqualTo(dead);
            assertThat(n.status()).isEqualTo(HealthStatus.ZERO);
            assertThat(n.incidentOpened()).as("in the incident's thread").isEqualTo(FROM.minusDays(10));
        });
        assertThat(failureNotices).isEmpty();
    }

    @Test
    void aReadThatFailsPartWay_judgesTheJobsReadWhole_butNoDeadJobOnCountsNotRead_andTheRetrySendsTheRestOnce() {
        job("a", 10, 100);
        job("b", 10, 100);
        JobId dead = JobId.of("dead/x");
        ledger.incidents.put(
                dead,
                new OpenIncident(dead, FROM.minusDays(10), FROM.minusDays(1), Severity.CRITICAL, HealthStatus.ZERO));
        readFailsAfterAPart = new SystemFailureException("counts unreadable after retries", null);

        assertThatThrownBy(() -> service().run(CheckRequest.scheduled(EVENT))).isSameAs(readFailsAfterAPart);

        assertThat(saved).extracting(r -> r.job().value()).containsExactly("a");
        assertThat(published)
                .as("a was read whole; b's counts and the dead job's (it may have written again) were not")
                .extracting(n -> n.job().value())
                .containsExactly("a");

        readFailsAfterAPart = null;
        service().run(CheckRequest.scheduled(EVENT));
        assertThat(published)
                .as("the retry sends what the failed run did not, and nothing twice")
                .extracting(n -> n.job().value())
                .containsExactlyInAnyOrder("a", "b", "dead/x");
    }

    @Test
    void aDayBeforeAnOpenIncidentOpened_doesNotJudgeThatJob_soAMistypedYearPagesNothing() {
        JobId dead = JobId.of("dead/x");
        ledger.incidents.put(
                dead,
                new OpenIncident(dead, FROM.minusDays(10), FROM.minusDays(1), Severity.CRITICAL, HealthStatus.ZERO));

        LocalDate mistyped = LocalDate.of(2019, 1, 1);
        readFrom = mistyped.minusDays(42);
        readTo = mistyped;

        RunSummary summary = service().run(CheckRequest.forDay(EVENT, mistyped, Set.of()));

        assertThat(summary.checked()).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void retire_resolvesTheOpenIncident_andTheJobIsNotCheckedUntilItWritesAgain() {
        job("stopped", -1, 100);
        service().run(CheckRequest.scheduled(EVENT));
        assertThat(ledger.incidents).containsKey(JobId.of("stopped"));
        published.clear();

        job("quiet", 100, 100);
        RetireSummary done =
                retire(Set.of(JobId.of("stopped"), JobId.of("quiet"), JobId.of("mistyped/id")), "job removed");

        assertThat(done.retired()).containsExactly("quiet", "stopped");
        assertThat(done.resolved()).containsExactly("stopped");
        assertThat(done.notFound())
                .as("no count in the look-back and no open incident: most likely a typo, and left alone")
                .containsExactly("mistyped/id");
        assertThat(ledger.retired).doesNotContainKey(JobId.of("mistyped/id"));
        assertThat(retirements).singleElement().satisfies(r -> {
            assertThat(r.incident().openedDay()).isEqualTo(DAY);
            assertThat(r.summary()).contains("job removed");
        });
        assertThat(ledger.incidents).isEmpty();
        RunSummary after = service().run(CheckRequest.scheduled(EVENT));
        assertThat(after.checked())
                .as("silent since it was retired: not checked")
                .isZero();
        assertThat(published).isEmpty();

        LocalDate later = DAY.plusDays(3); // retired on DAY + 1, the day the retirement ran (UTC)
        readFrom = later.minusDays(42);
        readTo = later;
        List<DayCount> days = new ArrayList<>(series.get(JobId.of("stopped")).recordedBetween(readFrom, DAY));
        days.add(new DayCount(later, 90));
        series.put(JobId.of("stopped"), CountSeries.of(readFrom, later, days));
        RunSummary back = service().run(CheckRequest.forDay(EVENT.plusSeconds(4 * 86_400), later, Set.of()));
        assertThat(back.checked())
                .as("a count after the retirement brings it back")
                .isEqualTo(1);
    }

    @Test
    void aRetiredJobThatComesBack_losesItsRetirementForGood_andARetiredJobWithAnOpenIncidentIsStillChecked() {
        job("back", 100, 100);
        ledger.retired.put(JobId.of("back"), DAY.minusDays(5));
        job("raced", -1, 100);
        ledger.retired.put(JobId.of("raced"), DAY.plusDays(1));
        ledger.incidents.put(
                JobId.of("raced"), new OpenIncident(JobId.of("raced"), DAY, DAY, Severity.CRITICAL, HealthStatus.ZERO));

        RunSummary summary = service().run(CheckRequest.scheduled(EVENT));

        assertThat(summary.checked()).isEqualTo(2);
        assertThat(ledger.retired).as("'back' wrote after it was retired").containsOnlyKeys(JobId.of("raced"));
    }

    @Test
    void anIncidentThatPaged_isResolvedOnThePagingTopic_evenAfterItsSeverityWasLoweredToWarning() {
        job("a", 10, 100);
        service().run(CheckRequest.scheduled(EVENT)); // critical: pages
        JobId a = JobId.of("a");
        ledger.recordAlert(new OpenIncident(a, DAY, DAY, Severity.WARNING, HealthStatus.UNHEALTHY)); // lowered later
        assertThat(ledger.incidents.get(a).paged()).isTrue();
        published.clear();
        readFrom = DAY.plusDays(1).minusDays(42);
        readTo = DAY.plusDays(1);
        List<DayCount> days = new ArrayList<>(series.get(a).recordedBetween(readFrom, DAY));
        days.add(new DayCount(DAY.plusDays(1), 100));
        series.put(a, CountSeries.of(readFrom, DAY.plusDays(1), days));

        service().run(CheckRequest.forDay(EVENT.plusSeconds(86_400), DAY.plusDays(1), Set.of()));

        assertThat(published).singleElement().satisfies(n -> {
            assertThat(n).isInstanceOf(Notification.Recovery.class);
            assertThat(n.severity()).as("resolves the page").isEqualTo(Severity.CRITICAL);
        });
    }

    @Test
    void aFailedBulkReadOfSentNotices_onlyCostsClaims_everyAlertStillGoesOut() {
        job("a", 10, 100);
        ledger.failBulkRead = true;

        RunSummary summary = service().run(CheckRequest.scheduled(EVENT));

        assertThat(summary.alertsPublished()).isEqualTo(1);
        assertThat(summary.failed()).isZero();
    }

    @Test
    void retire_whenTheResolveCannotBePublished_keepsTheIncidentOpen_andSaysWhy() {
        JobId dead = JobId.of("dead/x");
        ledger.incidents.put(dead, new OpenIncident(dead, DAY, DAY, Severity.CRITICAL, HealthStatus.ZERO));
        publishFailsFor.add(dead);

        RetireSummary done = retire(Set.of(dead), "gone");

        assertThat(done.resolved()).isEmpty();
        assertThat(done.failed()).containsEntry("dead/x", "throttled");
        assertThat(ledger.incidents).containsKey(dead);
    }

    @Test
    void aJobThatStoppedReporting_isZero_andAJobGoneBeyondItsLookBackIsNotChecked() {
        job("stopped", -1, 100);
        series.put(JobId.of("ancient"), CountSeries.of(FROM, DAY, List.of(new DayCount(FROM, 5))));
        settings = new SettingsBook(List.of(
                CLASSIC_FOR_ALL,
                SettingsOverride.empty(new Scope.Job(JobId.of("ancient"))).withLookbackDays(20)));

        RunSummary summary = service().run(CheckRequest.scheduled(EVENT));

        assertThat(summary.checked()).isEqualTo(1);
        assertThat(summary.count(HealthStatus.ZERO)).isEqualTo(1);
        assertThat(published).singleElement().satisfies(n -> assertThat(n.status())
                .isEqualTo(HealthStatus.ZERO));
    }

    @Test
    void run_whenNoSettingNamesAPolicy_judgesByAdaptive_andStoresItsExpectation() {
        settings = SettingsBook.defaultsOnly();
        job("dropped", 10, 100);
        job("steady", 100, 100);

        RunSummary summary = service().run(CheckRequest.scheduled(EVENT));

        assertThat(summary.alertsPublished()).isEqualTo(1);
        assertThat(published).singleElement().satisfies(n -> assertThat(n.job()).isEqualTo(JobId.of("dropped")));
        assertThat(saved).hasSize(2).allSatisfy(r -> {
            var checked = (CheckResult.Checked) r;
            assertThat(checked.settings().policy()).isEqualTo("adaptive");
            assertThat(checked.assessment().policy()).isEqualTo("adaptive");
            assertThat(checked.assessment().expectation())
                    .hasValueSatisfying(e -> assertThat(e.expected()).isBetween(95.0, 105.0));
        });
        var dropped = (CheckResult.Checked) saved.stream()
                .filter(r -> r.job().equals(JobId.of("dropped")))
                .findFirst()
                .orElseThrow();
        assertThat(dropped.assessment().status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(dropped.assessment().expectation().orElseThrow().low()).isGreaterThan(10);
    }

    @Test
    void run_withJobsForSeveralTasks_judgesEachAsDayJudgeDoes_andStoresThemByJob() {
        settings = SettingsBook.defaultsOnly();
        int jobs = JudgedSlices.JOBS_PER_SLICE * 3 + 17;
        for (int i = 0; i < jobs; i++) {
            job("job-%04d".formatted(i), i % 40 == 0 ? 20 : 100 + i % 7, 100 + i % 5);
        }

        RunSummary summary = service().run(CheckRequest.scheduled(EVENT));

        assertThat(summary.checked()).isEqualTo(jobs);
        assertThat(saved)
                .extracting(r -> r.job().value())
                .doesNotHaveDuplicates()
                .hasSize(jobs);
        assertThat(storeCalls.get())
                .as("each slice stored as it is judged")
                .isEqualTo((jobs + JudgedSlices.JOBS_PER_SLICE - 1) / JudgedSlices.JOBS_PER_SLICE);
        HealthPolicy adaptive = Policies.standard().named("adaptive").orElseThrow();
        for (CheckResult r : saved) {
            var alone = DayJudge.judge(series.get(r.job()), DAY, JobSettings.DEFAULTS, adaptive);
            assertThat(((CheckResult.Checked) r).assessment()).isEqualTo(alone.assessment());
            assertThat(((CheckResult.Checked) r).alerts()).isEqualTo(alone.alerts());
        }
        assertThat(summary.alertsPublished()).isEqualTo((jobs + 39) / 40);
    }

    @Test
    void recovery_isOwedOnlyForALaterHealthyDay() {
        job("a", 100, 100);
        ledger.incidents.put(
                JobId.of("a"), new OpenIncident(JobId.of("a"), DAY, DAY, Severity.CRITICAL, HealthStatus.UNHEALTHY));
        assertThat(service().run(CheckRequest.scheduled(EVENT)).recoveriesPublished())
                .as("same day as the alert: a re-run with new data is not a recovery")
                .isZero();
        ledger.incidents.put(
                JobId.of("a"),
                new OpenIncident(
                        JobId.of("a"), DAY.minusDays(2), DAY.minusDays(1), Severity.WARNING, HealthStatus.ZERO));
        RunSummary summary = service().run(CheckRequest.scheduled(EVENT));
        assertThat(summary.recoveriesPublished()).isEqualTo(1);
        assertThat(published).singleElement().isInstanceOfSatisfying(Notification.Recovery.class, r -> assertThat(
                        r.severity())
                .isEqualTo(Severity.WARNING));
        assertThat(ledger.incidents).isEmpty();
    }

    /** An in-memory ledger with the same rules as the DynamoDB one. */
    private static final class MemoryLedger implements AlertLedger {
        final Map<String, Instant> claims = new HashMap<>();
        final Map<String, String> holders = new HashMap<>();
        final Set<String> sent = new HashSet<>();
        final Map<JobId, OpenIncident> incidents = new HashMap<>();
        int claimAttempts;

        private static String key(JobId job, LocalDate day, Kind kind) {
            return job + "|" + day + "|" + kind;
        }

        @Override
        public synchronized Claim claim(Notice notice, String holder, Instant now, Instant until, String run) {
            claimAttempts++;
            String key = key(notice.job(), notice.day(), notice.kind());
            if (sent.contains(key)) {
                return Claim.sent();
            }
            Instant lease = claims.get(key);
            if (lease != null && !lease.isBefore(now) && !holder.equals(holders.get(key))) {
                return Claim.held(lease);
            }
            claims.put(key, until);
            holders.put(key, holder);
            return Claim.taken();
        }

        @Override
        public synchronized boolean renew(Notice notice, String holder, Instant until) {
            String key = key(notice.job(), notice.day(), notice.kind());
            if (sent.contains(key) || !holder.equals(holders.get(key))) {
                return false;
            }
            claims.put(key, until);
            return true;
        }

        final Map<JobId, LocalDate> retired = new HashMap<>();

        @Override
        public synchronized void retire(JobId job, LocalDate day) {
            retired.put(job, day);
        }

        @Override
        public synchronized Map<JobId, LocalDate> retired() {
            return Map.copyOf(retired);
        }

        boolean failBulkRead;

        @Override
        public synchronized Set<Notice> alreadySent(Collection<Notice> notices) {
            if (failBulkRead) {
                throw new IllegalStateException("throttled");
            }
            return notices.stream()
                    .filter(n -> sent.contains(key(n.job(), n.day(), n.kind())))
                    .collect(Collectors.toSet());
        }

        @Override
        public synchronized void markSent(JobId job, LocalDate day, Kind kind, Instant now) {
            sent.add(key(job, day, kind));
        }

        @Override
        public synchronized void release(Notice notice, String holder) {
            String key = key(notice.job(), notice.day(), notice.kind());
            if (holder.equals(holders.get(key))) {
                claims.remove(key);
                holders.remove(key);
            }
        }

        boolean incidentsUnreadable;

        @Override
        public synchronized Map<JobId, OpenIncident> openIncidents() {
            if (incidentsUnreadable) {
                throw new SystemFailureException("health table missing", null);
            }
            return Map.copyOf(incidents);
        }

        @Override
        public synchronized void recordAlert(OpenIncident incident) {
            incidents.merge(
                    incident.job(),
                    incident,
                    (old, now) -> now.lastAlertDay().isBefore(old.lastAlertDay())
                            ? old
                            : new OpenIncident(
                                    now.job(),
                                    old.openedDay(),
                                    now.lastAlertDay(),
                                    now.severity(),
                                    now.lastStatus(),
                                    old.paged() || now.paged()));
        }

        @Override
        public synchronized boolean close(OpenIncident incident) {
            OpenIncident open = incidents.get(incident.job());
            if (open == null || !open.lastAlertDay().equals(incident.lastAlertDay())) {
                return false;
            }
            incidents.remove(incident.job());
            return true;
        }

        @Override
        public synchronized void unretire(JobId job) {
            retired.remove(job);
        }
    }
}
