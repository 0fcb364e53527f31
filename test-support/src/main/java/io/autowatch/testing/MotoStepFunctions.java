package io.autowatch.testing;

import io.autowatch.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a state machine definition in moto, whose Lambda tasks answer in turn with the payloads a test sets (moto's
 * "lambda-simple" responses), over moto's own JSON APIs. The Step Functions SDK module is not needed for it.
 */
public final class MotoStepFunctions {

    private static final String AUTH =
            "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/%s/aws4_request, " + "SignedHeaders=host, Signature=0";

    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    public MotoStepFunctions(URI endpoint) {
        this.endpoint = endpoint;
        post(
                "/moto-api/config",
                Map.of("stepfunctions", Map.of("execute_state_machine", true), "lambda", Map.of("use_docker", false)),
                Map.of());
    }

    /** Creates a function for the tasks to name (its code never runs), and returns its ARN. */
    public String createFunction() {
        String name = "health-check-" + UUID.randomUUID().toString().substring(0, 8);
        String role = createRole(name);
        byte[] zip = Base64.getDecoder().decode("UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="); // an empty zip
        Map<String, Object> reply = post(
                "/2015-03-31/functions",
                Map.of(
                        "FunctionName",
                        name,
                        "Runtime",
                        "java21",
                        "Role",
                        role,
                        "Handler",
                        "io.autowatch.functions.healthcheck.HealthCheckHandler::handleRequest",
                        "Code",
                        Map.of("ZipFile", Base64.getEncoder().encodeToString(zip))),
                Map.of("Authorization", AUTH.formatted("lambda")));
        return String.valueOf(reply.get("FunctionArn"));
    }

    /** IAM's query API: a role Lambda may assume, as moto checks. */
    private String createRole(String name) {
        String trust = URLEncoder.encode(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
                StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", AUTH.formatted("iam"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "Action=CreateRole&Version=2010-05-08&RoleName=" + name + "&AssumeRolePolicyDocument=" + trust))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        "CreateRole answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto did not answer CreateRole", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return "arn:aws:iam::123456789012:role/" + name;
    }

    /** The payloads the Lambda tasks answer with, in the order they are invoked. */
    public void answerInTurn(List<String> payloads) {
        post("/moto-api/static/lambda-simple/response", Map.of("results", payloads, "region", "us-east-1"), Map.of());
    }

    /** Creates a state machine from {@code definition} and returns its ARN. */
    public String createStateMachine(String definition) {
        return String.valueOf(sfn(
                        "CreateStateMachine",
                        Map.of(
                                "name",
                                "health-check-" + UUID.randomUUID().toString().substring(0, 8),
                                "definition",
                                definition,
                                "roleArn",
                                "arn:aws:iam::123456789012:role/health-check-workflow"))
                .get("stateMachineArn"));
    }

    /** Starts an execution named {@code name} with {@code input} and waits for it to end; returns DescribeExecution. */
    public Map<String, Object> run(String stateMachine, String name, String input) {
        String execution = String.valueOf(
                sfn("StartExecution", Map.of("stateMachineArn", stateMachine, "name", name, "input", input))
                        .get("executionArn"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Map<String, Object> described = sfn("DescribeExecution", Map.of("executionArn", execution));
            if (!"RUNNING".equals(described.get("status")) || Instant.now().isAfter(deadline)) {
                return described;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return described;
            }
        }
    }

    /** The execution's events, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> history(String execution) {
        return (List<Map<String, Object>>)
                sfn("GetExecutionHistory", Map.of("executionArn", execution)).get("events");
    }

    private Map<String, Object> sfn(String action, Map<String, Object> body) {
        return post(
                "/",
                body,
                Map.of(
                        "X-Amz-Target",
                        "AWSStepFunctions." + action,
                        "Content-Type",
                        "application/x-amz-json-1.0",
                        "Authorization",
                        AUTH.formatted("states")));
    }

    private Map<String, Object> post(String path, Map<String, Object> body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        headers.forEach(request::header);
        if (!headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " " + headers.get("X-Amz-Target") + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            String text = response.body().isBlank() ? "{}" : response.body();
            return text.startsWith("{") ? Json.readObject(text.getBytes(StandardCharsets.UTF_8)) : Map.of();
        } catch (IOException e) {
            throw new IllegalStateException("moto did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
