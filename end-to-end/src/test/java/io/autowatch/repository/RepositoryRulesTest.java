package io.autowatch.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.json.Json;
import io.autowatch.testing.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules about the repository as a whole that keep it readable and usable: thin handlers, small files, and a sample
 * event for every function in the template (for {@code sam local invoke}), each one read by a test.
 */
class RepositoryRulesTest {

    private static final Path ROOT = SharedCorpus.repoRoot();

    /** The sample event of each function in {@code template.yaml}. A new function needs one here and in events/. */
    private static final Map<String, String> SAMPLE_EVENTS = Map.of(
            "HealthCheckFunction", "health-check-scheduled.json",
            "JobRegistryFunction", "job-registry-stream.json",
            "OnCallWidgetFunction", "on-call-widget.json",
            "PagerDutyRelayFunction", "pagerduty-relay-sqs-page.json",
            "SchemaDriftFunction", "schema-sync-drift-scheduled.json",
            "SchemaWebhookFunction", "schema-sync-webhook-register.json",
            "SchemaWorkerFunction", "schema-sync-sqs-command.json");

    private static final int MAX_HANDLER_LINES = 60;
    private static final int MAX_MAIN_FILE_LINES = 250;

    @Test
    void everyFunctionInTheTemplate_hasASampleEvent_thatIsJson_andThatATestReads() throws IOException {
        Map<String, String> handlers = functionHandlers();
        assertThat(handlers.keySet()).containsExactlyInAnyOrderElementsOf(SAMPLE_EVENTS.keySet());
        List<String> testSources = testSources();
        SAMPLE_EVENTS.forEach((function, file) -> {
            Path event = ROOT.resolve("events").resolve(file);
            assertThat(event).as(function + "'s sample event").isRegularFile();
            assertThat(readJson(event)).as(file).isNotEmpty();
            assertThat(testSources).as("a test that reads events/" + file).anyMatch(source -> source.contains(file));
        });
    }

    @Test
    void everyHandlerInTheTemplate_isAtMost60Lines() throws IOException {
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (String handler : functionHandlers().values()) {
            lines.put(handler, Files.readAllLines(sourceOf(handler)).size());
        }
        assertThat(lines).hasSize(SAMPLE_EVENTS.size()).allSatisfy((handler, count) -> assertThat(count)
                .as(handler + ": parse, call one service, shape the reply")
                .isLessThanOrEqualTo(MAX_HANDLER_LINES));
    }

    @Test
    void noMainSourceFile_isOver250Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path file : javaFiles("main")) {
            int count = Files.readAllLines(file).size();
            if (count > MAX_MAIN_FILE_LINES) {
                tooLong.add(ROOT.relativize(file) + " (" + count + " lines)");
            }
        }
        assertThat(javaFiles("main")).hasSizeGreaterThan(100);
        assertThat(tooLong).as("split these by what they do").isEmpty();
    }

    @Test
    void theSchemaSyncTable_isReachedFromTheWebhookAndTheDriftStart_onlyByTheKeyPrefixesTheirItemsHave()
            throws IOException {
        String template = Files.readString(ROOT.resolve("template.yaml"));
        for (String function : List.of("SchemaWebhookFunction", "SchemaDriftFunction")) {
            Matcher resource =
                    Pattern.compile("(?ms)^  " + function + ":\\n(.*?)^  \\w").matcher(template);
            assertThat(resource.find()).as(function).isTrue();
            List<String> statements = List.of(resource.group(1).split("- Sid: "));
            assertThat(statements)
                    .filteredOn(statement -> statement.contains("SchemaSyncTable.Arn"))
                    .as(function + ": every statement on the schema-sync table is narrowed by its keys")
                    .isNotEmpty()
                    .allSatisfy(statement -> assertThat(statement).contains("dynamodb:LeadingKeys"));
        }
        // DynamoDB Local does not check IAM: a key prefix renamed in the code would only fail once deployed.
        String state = Files.readString(
                ROOT.resolve("adapters/aws/src/main/java/io/autowatch/aws/dynamodb/DynamoDbSchemaSyncState.java"));
        Matcher prefixes = Pattern.compile("\"([A-Z]+#)\" \\+").matcher(state);
        List<String> used = new ArrayList<>();
        while (prefixes.find()) {
            used.add(prefixes.group(1));
        }
        Matcher webhook =
                Pattern.compile("(?ms)^  SchemaWebhookFunction:\\n(.*?)^  \\w").matcher(template);
        assertThat(webhook.find()).isTrue();
        assertThat(used).containsExactlyInAnyOrder("ONCE#", "ONCE#", "HEAD#", "COUNT#");
        assertThat(used).allSatisfy(prefix -> assertThat(webhook.group(1)).contains("\"" + prefix + "*\""));
        assertThat(state).contains("REPOSITORIES = \"REPOS\"");
        assertThat(webhook.group(1)).contains("\"REPOS\"");
    }

    @Test
    void theCountsTable_inTheTemplate_hasNoSecondaryIndex_andHealthCheckMayScanAndQueryOnlyTheTable()
            throws IOException {
        String template = Files.readString(ROOT.resolve("template.yaml"));
        Matcher counts = Pattern.compile("(?ms)^  CountsTable:\\n(.*?)^  \\w").matcher(template);

        assertThat(counts.find()).isTrue();
        assertThat(counts.group(1)).doesNotContain("GlobalSecondaryIndexes").contains("KEYS_ONLY");
        assertThat(template).doesNotContain("/index/by-day");
    }

    /** Each function's logical id and its handler class, read from the template. */
    private static Map<String, String> functionHandlers() throws IOException {
        String template = Files.readString(ROOT.resolve("template.yaml"));
        Matcher function = Pattern.compile(
                        "(?m)^  (\\w+):\\n    Type: AWS::Serverless::Function\\n(?:(?:      .*|    \\w.*|\\s*)\\n)*?"
                                + "      Handler: ([\\w.]+)::handleRequest")
                .matcher(template);
        Map<String, String> handlers = new LinkedHashMap<>();
        while (function.find()) {
            handlers.put(function.group(1), function.group(2));
        }
        return handlers;
    }

    private static Path sourceOf(String handlerClass) throws IOException {
        String path = "src/main/java/" + handlerClass.replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(ROOT.resolve("functions"))) {
            return modules.map(m -> m.resolve(path))
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no source for " + handlerClass));
        }
    }

    private static List<Path> javaFiles(String sourceSet) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/" + sourceSet + "/java/"))
                    .filter(f ->
                            !f.toString().contains("/target/") && !f.toString().contains("/.git/"))
                    .toList();
        }
    }

    private static List<String> testSources() throws IOException {
        List<String> sources = new ArrayList<>();
        for (Path file : javaFiles("test")) {
            if (!file.endsWith("RepositoryRulesTest.java")) {
                sources.add(Files.readString(file));
            }
        }
        return sources;
    }

    private static Map<String, Object> readJson(Path file) {
        try {
            return Json.readObject(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new AssertionError(file + " cannot be read", e);
        }
    }
}
