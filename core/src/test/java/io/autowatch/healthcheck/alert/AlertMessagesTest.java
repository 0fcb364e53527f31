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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class AlertMessagesTest {

    /** Classic's rule, pinned: the built-in default is adaptive. */
    private static final JobSettings CLASSIC = JobSettings.DEFAULTS.withPolicy(ClassicPolicy.NAME);

    private static final JobId JOB = JobId.of("email/daily-active/IN");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Instant NOW = Instant.parse("2026-11-21T00:30:05Z");

    private static Assessment assess(long count) {
        List<DayCount> previous = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            previous.add(new DayCount(DAY.minusDays(i), 9000 + (i % 3) * 100));
        }
        return new ClassicPolicy().assess(new HealthPolicy.Input(DAY, count, previous, CLASSIC));
    }

    private static Notification.Alert alert(long count) {
        return new Notification.Alert(JOB, assess(count), CLASSIC, NOW);
    }

    @Test
    void chat_isAChatbotCustomNotification_withWhatOnCallNeeds() {
        Map<String, Object> body = Json.readObject(ChatMessage.render(alert(18_400)));
        assertThat(body).containsEntry("version", "1.0").containsEntry("source", "custom");
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) body.get("content");
        assertThat(content).containsEntry("textType", "client-markdown");
        assertThat((String) content.get("title"))
                .contains("UNHEALTHY")
                .contains(JOB.value())
                .contains("2026-11-20");
        assertThat((String) content.get("description"))
                .contains("18,400")
                .contains("above the expected range")
                .contains("Deviation band")
                .contains("Relative band")
                .contains("History (14 non-zero days");
        assertThat((List<?>) content.get("nextSteps")).isNotEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) body.get("metadata");
        assertThat(metadata).containsEntry("threadId", "autowatch/" + JOB.value() + "/" + DAY);
    }

    @Test
    void paging_alarmAndRecovery_shareTheAlarmNameSoTheIncidentResolves() {
        Notification.Recovery recovery = new Notification.Recovery(
                JOB,
                assess(9_100),
                new OpenIncident(JOB, DAY.minusDays(2), DAY.minusDays(1), Severity.CRITICAL, HealthStatus.UNHEALTHY),
                NOW);
        String topic = "arn:aws:sns:eu-west-1:123456789012:autowatch-paging";
        Map<String, Object> alarm = Json.readObject(PagingMessage.render(alert(0), "eu-west-1", topic));
        Map<String, Object> ok = Json.readObject(PagingMessage.render(recovery, "eu-west-1", topic));
        assertThat(alarm)
                .containsEntry("NewStateValue", "ALARM")
                .containsEntry("Region", "EU (Ireland)")
                .containsEntry("AWSAccountId", "123456789012");
        assertThat(ok).containsEntry("NewStateValue", "OK");
        assertThat(alarm.get("AlarmName"))
                .isEqualTo(ok.get("AlarmName"))
                .isEqualTo("autowatch job health: email/daily-active/IN");
        assertThat((String) alarm.get("NewStateReason")).contains("counted nothing on 2026-11-20");
        assertThat(alarm.get("StateChangeTime")).isEqualTo("2026-11-21T00:30:05.000+0000");
    }

    @Test
    void pagingSubject_isAsciiAndShort() {
        JobId odd = JobId.of("São Paulo ✉ " + "x".repeat(180));
        String subject = PagingMessage.subject(new Notification.Alert(odd, assess(0), CLASSIC, NOW), "us-east-1");
        assertThat(subject)
                .hasSizeLessThan(100)
                .matches("[\\x20-\\x7E]+")
                .startsWith("ALARM: \"autowatch job health: S?o Paulo ? xxx")
                .endsWith("...\" in US East (N. Virginia)");
    }

    @Test
    void chat_withALongHostileJobId_staysWithinChatbotsLimits_andPingsNobody() {
        JobId hostile = JobId.of("<!channel> <!here> <@U12345> " + "x".repeat(170));
        var alert = new Notification.Alert(hostile, assess(18_400), JobSettings.DEFAULTS, NOW);

        Map<String, Object> content =
                (Map<String, Object>) Json.readObject(ChatMessage.render(alert)).get("content");

        assertThat((String) content.get("title")).hasSizeLessThanOrEqualTo(ChatMessage.MAX_TITLE);
        assertThat((String) content.get("description")).hasSizeLessThanOrEqualTo(ChatMessage.MAX_DESCRIPTION);
        assertThat((List<String>) content.get("nextSteps"))
                .allSatisfy(step -> assertThat(step).hasSizeLessThanOrEqualTo(ChatMessage.MAX_NEXT_STEP));
        assertThat((List<String>) content.get("keywords"))
                .allSatisfy(k -> assertThat(k).hasSizeLessThanOrEqualTo(ChatMessage.MAX_KEYWORD));
        assertThat(Json.write(content))
                .doesNotContain("<!channel>", "<!here>", "<@U12345>")
                .contains("&lt;!channel&gt;");
    }

    @Test
    void anAdaptiveZeroWithTooLittleHistory_namesAdaptivesSettings_notClassics() {
        Assessment zero = new Assessment(DAY, 0, HealthStatus.ZERO, "adaptive", Optional.empty(), List.of());
        List<String> details = AlertText.details(new Notification.Alert(JOB, zero, JobSettings.DEFAULTS, NOW));

        assertThat(details)
                .contains("Policy: adaptive (false-alarm rate 0.0001 per day, floor 5 and 10%, severity critical)")
                .noneMatch(line -> line.contains("window"));
    }

    @Test
    void aClassicAlert_namesClassicsWindowAndBands() {
        Assessment low = new Assessment(DAY, 0, HealthStatus.ZERO, "classic", Optional.empty(), List.of());

        assertThat(AlertText.details(new Notification.Alert(JOB, low, CLASSIC, NOW)))
                .contains("Policy: classic (window 14, 2σ, 20%, severity critical)");
    }
}
