package io.autowatch.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.autowatch.counts.DayCount;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.CheckResult;
import io.autowatch.healthcheck.CountsReader.Snapshot;
import io.autowatch.healthcheck.Expectation;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.StoredResult;
import io.autowatch.healthcheck.SystemFailureException;
import io.autowatch.healthcheck.alert.AlertLedger;
import io.autowatch.healthcheck.alert.AlertLedger.Claim;
import io.autowatch.healthcheck.alert.AlertLedger.Claim.Outcome;
import io.autowatch.healthcheck.alert.AlertLedger.Kind;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.healthcheck.judge.adaptive.AdaptivePolicy;
import io.autowatch.healthcheck.judge.classic.ClassicPolicy;
import io.autowatch.healthcheck.settings.SettingsBook;
import io.autowatch.testing.DynamoDbLocal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynamoDbLocal.class)
class DynamoDbAdaptersTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(4);
    /** The results written by classic's rule (the built-in default is adaptive). */
    private static final JobSettings CLASSIC = JobSettings.DEFAULTS.withPolicy(ClassicPolicy.NAME);

    private DynamoDbClient dynamoDb;
    private String counts;
    private String health;
    private CountWriter writer;

    @BeforeEach
    void createTables(DynamoDbClient client) {
        dynamoDb = client;
        counts = DynamoDbLocal.uniqueName("counts");
        health = DynamoDbLocal.uniqueName("health");
        Tables.create(dynamoDb, counts, health);
        writer = new CountWriter(dynamoDb, counts);
    }

    @AfterAll
    static void stopExecutor() {
        EXECUTOR.shutdownNow();
    }

    @Test
    void countWriter_incrementsAtomicallyFromManyTasks() throws Exception {
        JobId job = JobId.of("email/daily-active/IN");
        List<Thread> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; n < 25; n++) {
                    writer.add(job, DAY, 2);
                }
            }));
        }
        for (Thread t : tasks) {
            t.join();
        }
        Snapshot snapshot = new DynamoDbCountsReader(dynamoDb, counts, EXECUTOR).read(DAY, DAY);
        assertThat(snapshot.series().get(job).countOn(DAY)).hasValue(400);
    }

    @Test
    void countsReader_readsEveryJobAndDayInRange_withOddJobIds() {
        JobId odd = JobId.of("e-mail «São Paulo» / weekly #1 ✉");
        writer.add(odd, DAY, 5);
        writer.add(odd, DAY.minusDays(3), 7);
        writer.add(JobId.of("sms/IN"), DAY.minusDays(1), 0);
        writer.add(JobId.of("outside"), DAY.minusDays(30), 9);

        Snapshot snapshot = new DynamoDbCountsReader(dynamoDb, counts, EXECUTOR).read(DAY.minusDays(5), DAY);
        assertThat(snapshot.series()).containsOnlyKeys(odd, JobId.of("sms/IN"));
        assertThat(snapshot.series().get(odd).countOn(DAY)).hasValue(5);
        assertThat(snapshot.series().get(odd).countOn(DAY.minusDays(3))).hasValue(7);
        assertThat(snapshot.series().get(odd).countOn(DAY.minusDays(1))).isEmpty();
        assertThat(snapshot.series().get(JobId.of("sms/IN")).countOn(DAY.minusDays(1)))
                .hasValue(0);
        assertThat(snapshot.rejected()).isEmpty();
    }

    @Test
    void countsReader_forNamedJobs_readsOnlyThoseJobsByTheirKeys() {
        JobId mine = JobId.of("by-key/mine");
        put(mine.value(), DAY, AttributeValue.fromN("5"));
        put(mine.value(), DAY.minusDays(3), AttributeValue.fromN("7"));
        put(mine.value(), DAY.minusDays(40), AttributeValue.fromN("9")); // before the range
        put("by-key/other", DAY, AttributeValue.fromN("11"));
        var reader = new DynamoDbCountsReader(dynamoDb, counts, EXECUTOR);

        Snapshot snapshot = reader.read(DAY.minusDays(10), DAY, Set.of(mine));

        assertThat(snapshot.series()).containsOnlyKeys(mine);
        assertThat(snapshot.series().get(mine).countOn(DAY)).hasValue(5);
        assertThat(snapshot.series().get(mine).countOn(DAY.minusDays(3))).hasValue(7);
    }

    @Test
    void countsReader_rejectsBadItemsWithJobDayAndReason_andKeepsTheRest() {
        writer.add(JobId.of("good"), DAY, 10);
        put("negative", DAY, AttributeValue.fromN("-4"));
        put("fraction", DAY, AttributeValue.fromN("2.5"));
        put("absurd", DAY, AttributeValue.fromN("99999999999999999999"));
        put("text", DAY, AttributeValue.fromS("12"));
        put("bad\u0001id", DAY, AttributeValue.fromN("3"));

        Snapshot snapshot = new DynamoDbCountsReader(dynamoDb, counts, EXECUTOR).read(DAY, DAY);
        assertThat(snapshot.series()).containsOnlyKeys(JobId.of("good"));
        assertThat(snapshot.rejected())
                .extracting(r -> r.job() + " " + r.day() + ": " + r.reason())
                .containsExactlyInAnyOrder(
                        "negative 2026-11-20: count is negative: -4",
                        "fraction 2026-11-20: count is not a whole number: 2.5",
                        "absurd 2026-11-20: count is absurdly large (over 10^15): 99999999999999999999",
                        "text 2026-11-20: count is stored as a String ('12'), not as a Number",
                        "bad\u0001id 2026-11-20: job id contains the non-printable character U+0001: bad\u0001id");
    }

    @Test
    void countsReader_whenTheTableIsMissing_failsTheRun() {
        var reader = new DynamoDbCountsReader(dynamoDb, "no-such-table", EXECUTOR);
        assertThatThrownBy(() -> reader.read(DAY, DAY))
                .isInstanceOf(SystemFailureException.class)
                .hasMessageContaining("no-such-table");
    }

    @Test
    void settingsSource_readsOverrides_andReportsTyposAndWrongTypes() {
        putSettings("default", Map.of("window", AttributeValue.fromN("21"), "minHistory", AttributeValue.fromN("10")));
        putSettings(
                "prefix:email/",
                Map.of(
                        "severity",
                        AttributeValue.fromS("warning"),
                        "timeZone",
                        AttributeValue.fromS("Asia/Kolkata"),
                        "note",
                        AttributeValue.fromS("team mail")));
        putSettings("prefix:sms/", Map.of("windw", AttributeValue.fromN("3")));
        putSettings("job:push/daily", Map.of("sigmas", AttributeValue.fromS("three")));
        putSettings("nonsense", Map.of("window", AttributeValue.fromN("3")));

        SettingsBook book = new DynamoDbSettingsSource(dynamoDb, health).load();
        var email = (SettingsBook.Resolved) book.resolve(JobId.of("email/daily/IN"));
        assertThat(email.settings().window()).isEqualTo(21);
        assertThat(email.settings().severity()).isEqualTo(Severity.WARNING);
        assertThat(email.settings().timeZone()).hasToString("Asia/Kolkata");
        assertThat(((SettingsBook.Unresolvable) book.resolve(JobId.of("sms/x"))).reason())
                .contains("prefix:sms/")
                .contains("windw: unknown setting");
        assertThat(((SettingsBook.Unresolvable) book.resolve(JobId.of("push/daily"))).reason())
                .contains("sigmas: must be a Number, not a String ('three')");
        assertThat(book.overrides()).hasSize(4);
    }

    @Test
    void resultStore_storesEveryResultAndReplacesOnRerun() {
        Instant now = Instant.parse("2026-11-21T00:30:00Z");
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            JobId job = JobId.of("job-" + i);
            Assessment a = new ClassicPolicy()
                    .assess(new HealthPolicy.Input(
                            DAY,
                            100 + i,
                            List.of(new DayCount(DAY.minusDays(1), 100), new DayCount(DAY.minusDays(2), 110)),
                            CLASSIC));
            results.add(new CheckResult.Checked(job, a, CLASSIC, false, now));
        }
        results.add(new CheckResult.Failed(JobId.of("broken"), DAY, "the count for this day is invalid", now));
        var store = new DynamoDbResultStore(dynamoDb, health, EXECUTOR);
        assertThat(store.saveAll(results)).isEmpty();
        assertThat(store.saveAll(results)).isEmpty();

        var item = dynamoDb.getItem(b -> b.tableName(health).key(HealthKeys.result(JobId.of("job-7"), DAY)))
                .item();
        assertThat(item.get("status").s()).isEqualTo("INSUFFICIENT_HISTORY");
        assertThat(item.get("count").n()).isEqualTo("107");
        assertThat(new BigDecimal(item.get("mean").n())).isEqualByComparingTo("105");
        assertThat(item.get("policy").s()).isEqualTo("classic");
        assertThat(item).containsKeys("sigma", "sigmaLow", "sigmaHigh", "percentLow", "percentHigh");
        var failed = dynamoDb.getItem(b -> b.tableName(health).key(HealthKeys.result(JobId.of("broken"), DAY)))
                .item();
        assertThat(failed.get("status").s()).isEqualTo("FAILED");
        assertThat(failed.get("error").s()).contains("invalid");
        assertThat(dynamoDb.scan(b -> b.tableName(health)).count()).isEqualTo(61);
    }

    @Test
    void storedResults_readBackWhatTheStoreWrote_latestPerJobAndARangeOldestFirst() {
        Instant now = Instant.parse("2026-11-21T00:30:00Z");
        List<CheckResult> results = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            LocalDate day = DAY.minusDays(2 - d);
            Assessment a = new ClassicPolicy()
                    .assess(new HealthPolicy.Input(
                            day,
                            200 + d,
                            List.of(new DayCount(day.minusDays(1), 200), new DayCount(day.minusDays(2), 220)),
                            CLASSIC));
            results.add(new CheckResult.Checked(JobId.of("read/back"), a, CLASSIC, false, now));
        }
        results.add(new CheckResult.Failed(JobId.of("read/broken"), DAY, "bad count", now));
        assertThat(new DynamoDbResultStore(dynamoDb, health, EXECUTOR).saveAll(results))
                .isEmpty();

        var read = new DynamoDbStoredResults(dynamoDb, health);
        var range = read.between("read/back", DAY.minusDays(2), DAY);
        assertThat(range).extracting(r -> r.day()).containsExactly(DAY.minusDays(2), DAY.minusDays(1), DAY);
        assertThat(range.getLast().count()).isEqualTo(202);
        assertThat(range.getLast().mean()).hasValueSatisfying(m -> assertThat(m).isEqualTo(210.0));
        assertThat(range.getLast().sigmaLow()).isPresent();
        assertThat(read.between("read/back", DAY.plusDays(1), DAY.plusDays(5))).isEmpty();
        assertThat(read.latest())
                .filteredOn(r -> r.job().startsWith("read/"))
                .extracting(r -> r.job() + " " + r.day() + " " + r.status())
                .containsExactlyInAnyOrder(
                        "read/back " + DAY + " INSUFFICIENT_HISTORY", "read/broken " + DAY + " FAILED");
    }

    @Test
    void storedResults_roundTripAnAdaptiveExpectation_rounded_andAClassicResultHasNone() {
        Instant now = Instant.parse("2026-11-21T00:30:00Z");
        List<DayCount> history = new ArrayList<>();
        for (int i = 1; i <= 42; i++) {
            history.add(new DayCount(DAY.minusDays(i), 12_345 + (i % 5) * 37));
        }
        Assessment adaptive =
                new AdaptivePolicy().assess(new HealthPolicy.Input(DAY, 4_000, history, JobSettings.DEFAULTS));
        Expectation e = adaptive.expectation().orElseThrow();
        Assessment classic = new ClassicPolicy().assess(new HealthPolicy.Input(DAY, 4_000, history, CLASSIC));
        assertThat(new DynamoDbResultStore(dynamoDb, health, EXECUTOR)
                        .saveAll(List.of(
                                new CheckResult.Checked(
                                        JobId.of("a/adaptive"), adaptive, JobSettings.DEFAULTS, true, now),
                                new CheckResult.Checked(JobId.of("a/classic"), classic, CLASSIC, true, now))))
                .isEmpty();

        var read = new DynamoDbStoredResults(dynamoDb, health);
        StoredResult stored = read.between("a/adaptive", DAY, DAY).getFirst();
        assertThat(stored.status()).isEqualTo("UNHEALTHY");
        assertThat(stored.policy()).hasValue("adaptive");
        StoredResult.Expected back = stored.expectation().orElseThrow();
        assertThat(back.expected())
                .as("four significant digits")
                .isEqualTo(
                        new BigDecimal(e.expected()).round(new MathContext(4)).doubleValue())
                .isCloseTo(e.expected(), within(e.expected() / 1000));
        assertThat(back.low()).isEqualTo(e.low());
        assertThat(back.high()).isEqualTo(e.high());
        assertThat(back.low()).isGreaterThan(4_000);
        assertThat(back.probability())
                .isEqualTo(Math.max(
                        ResultItems.MIN_PROBABILITY,
                        new BigDecimal(e.probability())
                                .round(new MathContext(2))
                                .doubleValue()));
        assertThat(back.oneDayIn()).isGreaterThan(10_000);
        assertThat(back.verdict()).isEqualTo("IMPROBABLE");
        assertThat(back.excluded()).isFalse();
        assertThat(back.basis()).isEqualTo(e.basis()).contains("level about");
        assertThat(back.explanation()).isEqualTo(e.explanation()).startsWith("Counted 4,000, expected ");
        assertThat(back.lowConfidence()).isEqualTo(e.lowConfidence());
        assertThat(stored.mean())
                .as("its expectation, not bands in classic's terms")
                .isEmpty();
        assertThat(stored.sigmaLow()).isEmpty();
        var adaptiveItem = dynamoDb.getItem(
                        b -> b.tableName(health).key(HealthKeys.result(JobId.of("a/adaptive"), DAY)))
                .item();
        assertThat(adaptiveItem)
                .containsKeys("falseAlarmRate", "minChange", "minChangePercent", "minHistory")
                .doesNotContainKeys("window", "sigmas", "percent", "mean", "sigma");
        assertThat(adaptiveItem.get("falseAlarmRate").n()).isEqualTo("0.0001");
        var classicItem = dynamoDb.getItem(b -> b.tableName(health).key(HealthKeys.result(JobId.of("a/classic"), DAY)))
                .item();
        assertThat(classicItem)
                .containsKeys("window", "sigmas", "percent", "minHistory", "mean", "sigma")
                .doesNotContainKeys("falseAlarmRate", "expected");

        StoredResult classicBack = read.between("a/classic", DAY, DAY).getFirst();
        assertThat(classicBack.policy()).hasValue("classic");
        assertThat(classicBack.expectation()).isEmpty();
        assertThat(classicBack.sigmaLow()).isPresent();
        var failed = new CheckResult.Failed(JobId.of("a/failed"), DAY, "bad count", now);
        new DynamoDbResultStore(dynamoDb, health, EXECUTOR).saveAll(List.of(failed));
        assertThat(read.between("a/failed", DAY, DAY).getFirst().policy()).isEmpty();
    }

    @Test
    void resultStore_capsTheExpectationsWords_andKeepsTheItemWellUnderOneReadUnit() {
        Instant now = Instant.parse("2026-11-21T00:30:00Z");
        String longBasis = "last 4 Tuesdays: 1,180, 1,210, 1,250, 1,230 ✉ ".repeat(40);
        Expectation wordy = new Expectation(
                123_456_789.123456,
                100_000_000,
                150_000_000,
                1e-200,
                Expectation.Verdict.IMPROBABLE,
                longBasis,
                "Counted nothing, expected a lot: " + "🙂".repeat(400),
                true);
        Assessment a =
                new Assessment(DAY, 0, HealthStatus.ZERO, "adaptive", Optional.empty(), List.of(), Optional.of(wordy));
        JobId job = JobId.of("w".repeat(200));
        assertThat(new DynamoDbResultStore(dynamoDb, health, EXECUTOR)
                        .saveAll(List.of(new CheckResult.Checked(job, a, JobSettings.DEFAULTS, true, now))))
                .isEmpty();

        var item = dynamoDb.getItem(b -> b.tableName(health).key(HealthKeys.result(job, DAY)))
                .item();
        assertThat(item.get("basis").s()).hasSize(ResultItems.MAX_TEXT).endsWith("…");
        assertThat(item.get("explanation").s())
                .hasSizeLessThanOrEqualTo(ResultItems.MAX_TEXT)
                .endsWith("…");
        assertThat(item.get("explanation").s().codePoints().filter(cp -> Character.getType(cp) == Character.SURROGATE))
                .as("no half emoji")
                .isEmpty();
        assertThat(item.get("expected").n()).isEqualTo("123500000");
        assertThat(item.get("probability").n()).isEqualTo("0.000000000000001");
        assertThat(item.get("lowConfidence").bool()).isTrue();
        // DynamoDB's item size: attribute names and values in UTF-8 bytes (numbers take at most their digits).
        int bytes = item.entrySet().stream()
                .mapToInt(en -> en.getKey().getBytes(StandardCharsets.UTF_8).length + size(en.getValue()))
                .sum();
        assertThat(bytes)
                .as("a 200-character job id and both texts at their caps")
                .isLessThan(2_500);
        var back = new DynamoDbStoredResults(dynamoDb, health)
                .between(job.value(), DAY, DAY)
                .getFirst()
                .expectation()
                .orElseThrow();
        assertThat(back.probability()).isEqualTo(1e-15);
        assertThat(back.oneDayIn()).isEqualTo(1_000_000_000_000_000L);
        assertThat(back.lowConfidence()).isTrue();
    }

    private static int size(AttributeValue v) {
        if (v.s() != null) {
            return v.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (v.n() != null) {
            return v.n().length();
        }
        return 1;
    }

    @Test
    void countWriter_add_returnsTheDaysTotalAfterTheAddition() {
        var writer = new CountWriter(dynamoDb, counts);
        JobId job = JobId.of("email/total/IN");

        assertThat(writer.add(job, DAY, 42)).isEqualTo(42);
        assertThat(writer.add(job, DAY, 8)).isEqualTo(50);
        assertThat(writer.add(job, DAY.plusDays(1), 0))
                .as("another day, a zero recorded")
                .isZero();
    }

    @Test
    void ledger_claimIsExclusive_releasableByItsHolder_andTakenOverOnlyOnceItsLeaseRanOut() {
        var ledger = new DynamoDbAlertLedger(dynamoDb, health);
        var alert = new AlertLedger.Notice(JobId.of("email/daily-active/IN"), DAY, Kind.ALERT);
        var recovery = new AlertLedger.Notice(alert.job(), DAY, Kind.RECOVERY);
        Instant now = Instant.parse("2026-11-21T00:30:00Z");
        Instant lease = now.plusSeconds(60);

        assertThat(ledger.claim(alert, "a", now, lease, "event:1").outcome()).isEqualTo(Outcome.TAKEN);
        assertThat(ledger.claim(alert, "b", now.plusSeconds(1), now.plusSeconds(61), "event:1"))
                .as("a twin of the same event, while the first lives")
                .isEqualTo(Claim.held(lease));
        assertThat(ledger.claim(recovery, "a", now, lease, "event:1").outcome())
                .as("another kind")
                .isEqualTo(Outcome.TAKEN);
        ledger.release(alert, "b");
        assertThat(ledger.claim(alert, "b", now.plusSeconds(2), now.plusSeconds(62), "event:1")
                        .outcome())
                .as("only its holder gives a claim back")
                .isEqualTo(Outcome.HELD);
        assertThat(ledger.renew(alert, "a", now.plusSeconds(120))).isTrue();
        assertThat(ledger.claim(alert, "b", now.plusSeconds(90), now.plusSeconds(150), "event:1"))
                .as("renewed by its holder's heartbeat")
                .isEqualTo(Claim.held(now.plusSeconds(120)));
        assertThat(ledger.claim(alert, "c", now.plusSeconds(121), now.plusSeconds(181), "event:1")
                        .outcome())
                .as("its holder stopped renewing (it died): a retry takes it over")
                .isEqualTo(Outcome.TAKEN);
        assertThat(ledger.renew(alert, "a", now.plusSeconds(200)))
                .as("the old holder holds it no more")
                .isFalse();
        ledger.release(alert, "c");
        assertThat(ledger.claim(alert, "b", now.plusSeconds(122), now.plusSeconds(182), "event:1")
                        .outcome())
                .as("released by its holder")
                .isEqualTo(Outcome.TAKEN);
        ledger.markSent(alert.job(), DAY, Kind.ALERT, now.plusSeconds(123));
        assertThat(ledger.claim(alert, "d", now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(3)), "event:2"))
                .as("sent is final")
                .isEqualTo(Claim.sent());
        ledger.release(alert, "b");
        assertThat(ledger.renew(alert, "b", now.plus(Duration.ofDays(3)))).isFalse();
        assertThat(ledger.claim(alert, "d", now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(3)), "event:2"))
                .as("release never undoes a send")
                .isEqualTo(Claim.sent());
    }

    @Test
    void ledger_aClaimWrittenBeforeLeases_lastsSixteenMinutesFromItsClaim() {
        var ledger = new DynamoDbAlertLedger(dynamoDb, health);
        var alert = new AlertLedger.Notice(JobId.of("email/legacy/IN"), DAY, Kind.ALERT);
        Instant claimed = Instant.parse("2026-11-21T00:30:00Z");
        Map<String, AttributeValue> item = new HashMap<>(HealthKeys.notice(alert.job(), DAY, Kind.ALERT));
        item.put("job", AttributeValue.fromS(alert.job().value()));
        item.put("claimedAt", AttributeValue.fromN(Long.toString(claimed.toEpochMilli())));
        item.put("run", AttributeValue.fromS("event:old"));
        dynamoDb.putItem(b -> b.tableName(health).item(item));

        assertThat(ledger.claim(alert, "new", claimed.plusSeconds(60), claimed.plusSeconds(120), "event:old"))
                .isEqualTo(Claim.held(claimed.plus(Duration.ofMinutes(16))));
        assertThat(ledger.claim(
                                alert,
                                "new",
                                claimed.plus(Duration.ofMinutes(17)),
                                claimed.plus(Duration.ofMinutes(18)),
                                "event:old")
                        .outcome())
                .isEqualTo(Outcome.TAKEN);
    }

    @Test
    void ledger_alreadySent_reportsOnlyNoticesMarkedSent_overMoreKeysThanOneBatchGet() {
        var ledger = new DynamoDbAlertLedger(dynamoDb, health);
        Instant now = Instant.parse("2026-11-21T00:30:00Z");
        List<AlertLedger.Notice> notices = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            notices.add(new AlertLedger.Notice(JobId.of("email/bulk/" + i), DAY, Kind.ALERT));
        }
        AlertLedger.Notice recoveryOfTheFirst = new AlertLedger.Notice(JobId.of("email/bulk/0"), DAY, Kind.RECOVERY);
        notices.add(recoveryOfTheFirst);
        for (int i = 0; i < 230; i += 3) {
            AlertLedger.Notice n = notices.get(i);
            ledger.claim(n, "run-a", now, now.plusSeconds(60), "event:a");
            if (i % 2 == 0) {
                ledger.markSent(n.job(), n.day(), n.kind(), now);
            }
        }
        List<AlertLedger.Notice> expected = new ArrayList<>();
        for (int i = 0; i < 230; i += 6) {
            expected.add(notices.get(i));
        }

        assertThat(ledger.alreadySent(notices))
                .as("claimed but never sent is not sent; the other kind of the same day is another notice")
                .containsExactlyInAnyOrderElementsOf(expected)
                .doesNotContain(recoveryOfTheFirst);
        assertThat(ledger.alreadySent(List.of())).isEmpty();
    }

    @Test
    void ledger_incidentsOpenMoveForwardAndClose() {
        var ledger = new DynamoDbAlertLedger(dynamoDb, health);
        JobId job = JobId.of("email/daily-active/IN");
        ledger.recordAlert(new OpenIncident(job, DAY, DAY, Severity.CRITICAL, HealthStatus.UNHEALTHY));
        ledger.recordAlert(
                new OpenIncident(job, DAY.minusDays(5), DAY.minusDays(5), Severity.CRITICAL, HealthStatus.ZERO));
        OpenIncident open = ledger.openIncidents().get(job);
        assertThat(open.lastAlertDay()).as("a backfill never moves it back").isEqualTo(DAY);
        assertThat(open.openedDay()).isEqualTo(DAY);

        ledger.recordAlert(
                new OpenIncident(job, DAY.plusDays(1), DAY.plusDays(1), Severity.WARNING, HealthStatus.ZERO));
        assertThat(ledger.openIncidents().get(job).paged())
                .as("lowered to warning after it paged: its recovery must still resolve the page")
                .isTrue();
        assertThat(ledger.close(open)).isFalse();
        assertThat(ledger.openIncidents()).as("a newer alert keeps it open").containsKey(job);
        assertThat(ledger.close(ledger.openIncidents().get(job))).isTrue();
        assertThat(ledger.openIncidents()).isEmpty();

        JobId quiet = JobId.of("email/warning-only/IS");
        ledger.recordAlert(new OpenIncident(quiet, DAY, DAY, Severity.WARNING, HealthStatus.ZERO));
        assertThat(ledger.openIncidents().get(quiet).paged()).isFalse();
    }

    private void put(String job, LocalDate day, AttributeValue count) {
        dynamoDb.putItem(b -> b.tableName(counts)
                .item(Map.of(
                        "job",
                        AttributeValue.fromS(job),
                        "day",
                        AttributeValue.fromS(day.toString()),
                        "count",
                        count)));
    }

    private void putSettings(String key, Map<String, AttributeValue> fields) {
        Map<String, AttributeValue> item = new HashMap<>(fields);
        item.put(HealthKeys.PK, AttributeValue.fromS(HealthKeys.SETTINGS));
        item.put(HealthKeys.SK, AttributeValue.fromS(key));
        dynamoDb.putItem(b -> b.tableName(health).item(item));
    }
}
