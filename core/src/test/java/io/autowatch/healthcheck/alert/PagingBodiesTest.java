package io.autowatch.healthcheck.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.DayCount;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.judge.classic.ClassicPolicy;
import io.autowatch.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The paging bodies against the formats their readers document, the chat thread per incident, the alert words. */
@SuppressWarnings("unchecked")
class PagingBodiesTest {

    private static final JobSettings CLASSIC = JobSettings.DEFAULTS.withPolicy(ClassicPolicy.NAME);
    private static final JobId JOB = JobId.of("email/daily-active/IN");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Instant NOW = Instant.parse("2026-11-21T00:30:05Z");
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:autowatch-paging";
    private static final AlertLinks LINKS = AlertLinks.of("https://dash.example/?job={job}");

    private static Assessment classic(long count, LongUnaryOperator history) {
        List<DayCount> previous = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            previous.add(new DayCount(DAY.minusDays(i), history.applyAsLong(i)));
        }
        return new ClassicPolicy().assess(new HealthPolicy.Input(DAY, count, previous, CLASSIC));
    }

    private static Notification.Alert alert(JobId job, long count) {
        return new Notification.Alert(job, classic(count, i -> 9000 + (i % 3) * 100), CLASSIC, NOW);
    }

    private static Notification.Recovery recovery(JobId job) {
        return new Notification.Recovery(
                job,
                classic(9_100, i -> 9000 + (i % 3) * 100),
                new OpenIncident(job, DAY.minusDays(3), DAY.minusDays(1), Severity.CRITICAL, HealthStatus.UNHEALTHY),
                NOW);
    }

    private static Object type(Object value) {
        return value == null
                ? "null"
                : value instanceof Number ? "number" : value.getClass().getSimpleName();
    }

    @Nested
    class CloudWatchAlarmBody {

        private Map<String, Object> reference() throws IOException {
            try (InputStream in = getClass().getResourceAsStream("/pagerduty/cloudwatch-alarm-notification.json")) {
                return Json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        @Test
        void render_hasTheFieldsOfARealAlarmNotification_inItsOrder_withItsTypes() throws IOException {
            Map<String, Object> real = reference();
            for (Notification n : List.of(alert(JOB, 0), alert(JOB, 18_400), recovery(JOB))) {
                Map<String, Object> ours = Json.readObject(PagingMessage.render(n, "us-east-1", TOPIC));

                assertThat(List.copyOf(ours.keySet())).containsExactlyElementsOf(real.keySet());
                for (String key : real.keySet()) {
                    if (real.get(key) != null) {
                        assertThat(type(ours.get(key))).as(key).isEqualTo(type(real.get(key)));
                    }
                }
                Map<String, Object> trigger = (Map<String, Object>) ours.get("Trigger");
                Map<String, Object> realTrigger = (Map<String, Object>) real.get("Trigger");
                assertThat(List.copyOf(trigger.keySet())).containsExactlyElementsOf(realTrigger.keySet());
                assertThat(trigger.get("Unit")).isNull();
                assertThat(type(trigger.get("Threshold"))).isEqualTo("number");
                assertThat((String) trigger.get("ComparisonOperator"))
                        .as("a static-threshold operator: real alarms use the band operators only with Metrics")
                        .isIn(
                                "GreaterThanThreshold",
                                "LessThanThreshold",
                                "LessThanOrEqualToThreshold",
                                "GreaterThanOrEqualToThreshold");
            }
        }

        @Test
        void aRetirement_isAnOkNotificationOfTheSameAlarm_withTheRealFields() throws IOException {
            var incident = new OpenIncident(JOB, DAY.minusDays(3), DAY, Severity.CRITICAL, HealthStatus.ZERO);
            var retirement = new Retirement(JOB, incident, DAY.plusDays(1), "replaced by email/v2/IN", NOW);
            Map<String, Object> body = Json.readObject(PagingMessage.render(retirement, "us-east-1", TOPIC));

            assertThat(List.copyOf(body.keySet()))
                    .containsExactlyElementsOf(reference().keySet());
            assertThat(body)
                    .containsEntry("NewStateValue", "OK")
                    .containsEntry("AlarmName", PagingMessage.alarmName(JOB));
            assertThat((String) body.get("NewStateReason")).contains("replaced by email/v2/IN");
            assertThat(Json.readObject(PagerDutyEvent.render(retirement)))
                    .containsOnlyKeys("event_action", "dedup_key")
                    .containsEntry("event_action", "resolve")
                    .containsEntry("dedup_key", PagerDutyEvent.dedupKey(JOB));
            Map<String, Object> chat = Json.readObject(ChatMessage.render(retirement));
            assertThat((Map<String, Object>) chat.get("metadata"))
                    .containsEntry("threadId", "autowatch/" + JOB.value() + "/2026-11-17");
        }

        @Test
        void render_namesTheRegionAsCloudWatchDoes_andTheTopicAsTheAlarmsAction() {
            Map<String, Object> body = Json.readObject(PagingMessage.render(alert(JOB, 0), "us-east-1", TOPIC));

            assertThat(body)
                    .containsEntry("Region", "US East (N. Virginia)")
                    .containsEntry("AWSAccountId", "123456789012")
                    .containsEntry(
                            "AlarmArn",
                            "arn:aws:cloudwatch:us-east-1:123456789012:alarm:autowatch job health: " + JOB.value());
            assertThat((List<String>) body.get("AlarmActions")).containsExactly(TOPIC);
            assertThat(Json.readObject(PagingMessage.render(alert(JOB, 0), "xx-test-9", TOPIC)))
                    .as("a region with no known long name keeps its code")
                    .containsEntry("Region", "xx-test-9");
        }

        @Test
        void render_saysWhichThresholdTheDayCrossed_inCloudWatchsWords_thenOurs() {
            Map<String, Object> low = Json.readObject(PagingMessage.render(alert(JOB, 2_000), "us-east-1", TOPIC));
            Map<String, Object> high = Json.readObject(PagingMessage.render(alert(JOB, 18_400), "us-east-1", TOPIC));
            Map<String, Object> ok = Json.readObject(PagingMessage.render(recovery(JOB), "us-east-1", TOPIC));

            assertThat(((Map<String, Object>) low.get("Trigger")).get("ComparisonOperator"))
                    .isEqualTo("LessThanThreshold");
            assertThat((String) low.get("NewStateReason"))
                    .startsWith(
                            "Threshold Crossed: 1 datapoint [2000.0 (20/11/26 00:00:00)] was less than the threshold (")
                    .contains("counted 2,000 on 2026-11-20");
            assertThat(((Map<String, Object>) high.get("Trigger")).get("ComparisonOperator"))
                    .isEqualTo("GreaterThanThreshold");
            assertThat((String) ok.get("NewStateReason")).contains("was not less than the threshold");
        }

        @Test
        void description_isWholeSentences_neverADoubledFullStop_andWithinCloudWatchsLimit() {
            JobId longJob = JobId.of("j".repeat(200));
            for (Notification n :
                    List.of(alert(JOB, 0), alert(JOB, 18_400), alert(JOB, 2_000), recovery(JOB), alert(longJob, 0))) {
                String description = (String) Json.readObject(PagingMessage.render(n, "us-east-1", TOPIC))
                        .get("AlarmDescription");

                assertThat(description).doesNotContain("..").hasSizeLessThanOrEqualTo(PagingMessage.MAX_DESCRIPTION);
                assertThat(description).startsWith(AlertText.title(n) + ". ");
            }
        }
    }

    @Nested
    class EventsApiV2Body {

        private static final Set<String> TOP = Set.of(
                "routing_key", "event_action", "dedup_key", "payload", "images", "links", "client", "client_url");
        private static final Set<String> PAYLOAD =
                Set.of("summary", "source", "severity", "timestamp", "component", "group", "class", "custom_details");

        /** PagerDuty's schema for a send-event request, less routing_key, which the EventBridge connection adds. */
        private void assertValidEvent(Map<String, Object> event) {
            assertThat(TOP).containsAll(event.keySet());
            assertThat((String) event.get("event_action")).isIn("trigger", "acknowledge", "resolve");
            assertThat((String) event.get("dedup_key")).isNotBlank().hasSizeLessThanOrEqualTo(255);
            if (event.get("event_action").equals("trigger")) {
                Map<String, Object> payload = (Map<String, Object>) event.get("payload");
                assertThat(PAYLOAD).containsAll(payload.keySet());
                assertThat(payload).containsKeys("summary", "source", "severity");
                assertThat((String) payload.get("summary")).isNotBlank().hasSizeLessThanOrEqualTo(1024);
                assertThat((String) payload.get("source")).isNotBlank();
                assertThat((String) payload.get("severity")).isIn("critical", "error", "warning", "info");
                assertThat(Instant.parse((String) payload.get("timestamp"))).isEqualTo(NOW);
                assertThat(payload.get("custom_details")).isInstanceOf(Map.class);
                if (event.containsKey("links")) {
                    assertThat((List<Map<String, Object>>) event.get("links"))
                            .allSatisfy(l -> assertThat(l).containsKey("href"));
                }
            }
        }

        @Test
        void anAlertTriggers_andItsRecoveryResolves_theSameDedupKey() {
            Map<String, Object> trigger = Json.readObject(PagerDutyEvent.render(alert(JOB, 0), "autowatch", LINKS));
            Map<String, Object> resolve = Json.readObject(PagerDutyEvent.render(recovery(JOB), "autowatch", LINKS));

            assertValidEvent(trigger);
            assertValidEvent(resolve);
            assertThat(trigger).containsEntry("event_action", "trigger").doesNotContainKey("routing_key");
            assertThat(resolve).containsEntry("event_action", "resolve").doesNotContainKey("payload");
            assertThat(trigger.get("dedup_key"))
                    .isEqualTo(resolve.get("dedup_key"))
                    .isEqualTo("autowatch/" + JOB.value());
            assertThat(trigger).containsEntry("client_url", "https://dash.example/?job=email%2Fdaily-active%2FIN");
            Map<String, Object> payload = (Map<String, Object>) trigger.get("payload");
            assertThat((String) payload.get("summary"))
                    .startsWith("ZERO: " + JOB.value() + " on 2026-11-20: counted nothing on 2026-11-20")
                    .as("the job is named once")
                    .containsOnlyOnce(JOB.value());
            assertThat((Map<String, Object>) payload.get("custom_details"))
                    .containsEntry("job", JOB.value())
                    .containsEntry("day", "2026-11-20")
                    .containsEntry("status", "ZERO");
        }

        @Test
        void aLongOrHostileJobId_staysWithinTheLimits_andIsPlainJson() {
            JobId hostile = JobId.of("\"},\"routing_key\":\"x\",\"a\":{\"" + "ä".repeat(150) + "\\");
            Map<String, Object> event =
                    Json.readObject(PagerDutyEvent.render(alert(hostile, 18_400), "autowatch", LINKS));

            assertValidEvent(event);
            assertThat(event).doesNotContainKey("routing_key");
            assertThat((String) event.get("dedup_key")).isEqualTo("autowatch/" + hostile.value());
        }
    }

    @Nested
    class ChatThreads {

        private static String thread(Notification n) {
            return (String) ((Map<String, Object>)
                            Json.readObject(ChatMessage.render(n)).get("metadata"))
                    .get("threadId");
        }

        @Test
        void theAlertsAndTheRecoveryOfOneIncident_shareAThread_andTheNextIncidentStartsItsOwn() {
            Assessment bad = classic(0, i -> 9000);
            var opening = new Notification.Alert(JOB, bad, CLASSIC, NOW);
            var secondDay = new Notification.Alert(JOB, bad, CLASSIC, NOW, DAY.minusDays(1));
            var incident = new OpenIncident(JOB, DAY.minusDays(1), DAY, Severity.CRITICAL, HealthStatus.ZERO);
            var recovered = new Notification.Recovery(JOB, classic(9000, i -> 9000), incident, NOW);

            assertThat(thread(opening)).isEqualTo("autowatch/" + JOB.value() + "/2026-11-20");
            assertThat(thread(secondDay))
                    .isEqualTo(thread(recovered))
                    .isEqualTo("autowatch/" + JOB.value() + "/2026-11-19");
            assertThat(thread(opening)).isNotEqualTo(thread(secondDay));
        }

        @Test
        void aConfiguredDashboard_isLinkedFromTheChat_withTheJobEncoded() {
            JobId odd = JobId.of("<!channel> a&b");
            Map<String, Object> content = (Map<String, Object>)
                    Json.readObject(ChatMessage.render(alert(odd, 0), LINKS)).get("content");

            assertThat((List<String>) content.get("nextSteps"))
                    .contains("Open the job's chart: https://dash.example/?job=%3C%21channel%3E+a%26b");
            assertThat(Json.write(content)).doesNotContain("<!channel>");
        }
    }

    @Nested
    class FailureNotice {

        @Test
        void render_listsEachFailedJobWithItsReason_capsTheList_andPingsNobody() {
            List<FailedJobs.Failure> failures = new ArrayList<>();
            failures.add(new FailedJobs.Failure(JobId.of("<!here> x"), DAY, "settings override 'job:x' is invalid"));
            for (int i = 0; i < 40; i++) {
                failures.add(new FailedJobs.Failure(JobId.of("bulk/" + i), DAY, "the count for this day is invalid"));
            }
            Map<String, Object> body =
                    Json.readObject(ChatMessage.render(new FailedJobs("scheduled at 2026-11-21T00:30:00Z", failures)));
            Map<String, Object> content = (Map<String, Object>) body.get("content");

            assertThat(body).containsEntry("version", "1.0").containsEntry("source", "custom");
            assertThat((String) content.get("title"))
                    .isEqualTo(":warning: autowatch could not check 41 jobs (scheduled at 2026-11-21T00:30:00Z)");
            assertThat((String) content.get("description"))
                    .startsWith("• &lt;!here&gt; x on 2026-11-20: settings override 'job:x' is invalid\n")
                    .contains("• bulk/23 on 2026-11-20")
                    .doesNotContain("bulk/24 ")
                    .endsWith("… and 16 more.\n")
                    .hasSizeLessThanOrEqualTo(ChatMessage.MAX_DESCRIPTION);
            assertThat(Json.write(body)).doesNotContain("<!here>");
        }
    }

    @Nested
    class Words {

        @Test
        void classicsSummary_saysHowFarOff_asAPercentAndARatio() {
            String summary = AlertText.summary(alert(JOB, 18_400));
            assertThat(summary).contains("counted 18,400").endsWith(": +102% (×2).");
        }

        @Test
        void lowVolumeRanges_areWholeCountsFromZero_aroundAOneDecimalMean() {
            // About 1.8 a day: classic's bands are −0.x to 3.x; people read "expected 0 to 3 around 1.8".
            Assessment low = classic(9, i -> i % 5 == 0 ? 0 : (i % 2 == 0 ? 1 : 3));
            String summary = AlertText.summary(new Notification.Alert(JOB, low, CLASSIC, NOW));

            assertThat(summary).matches(".*expected 0 to \\d+ around a mean of \\d\\.\\d\\).*");
            assertThat(summary).doesNotContain("−0.", "-0.");
        }

        @Test
        void history_showsTheNewestWeekWithDates_andTheRestAsARange() {
            String history = AlertText.details(alert(JOB, 0)).stream()
                    .filter(l -> l.startsWith("History"))
                    .findFirst()
                    .orElseThrow();

            assertThat(history)
                    .startsWith("History (14 non-zero days, newest first): 11-19 9,100 · 11-18 9,200 · 11-17 9,000")
                    .endsWith("· … 7 more, 9,000 to 9,200");
        }

        @Test
        void sentences_endInExactlyOneFullStop() {
            assertThat(AlertText.sentences("Title", List.of("Do this.", "Then that", "Why?")))
                    .isEqualTo("Title. Do this. Then that. Why?");
        }
    }
}
