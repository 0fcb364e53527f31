package io.autowatch.local.cli;

import io.autowatch.aws.AwsClients;
import io.autowatch.json.Json;
import io.autowatch.local.runtime.LocalDynamo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where CLI commands find the tables: the local runtime that is running (it leaves {@code .autowatch/runtime.json}),
 * or AWS with {@code COUNTS_TABLE} and {@code HEALTH_TABLE} and the usual AWS credentials.
 */
record Connection(
        DynamoDbClient dynamoDb, String countsTable, String healthTable, Optional<URI> runtime, String description) {

    static Connection resolve(Path stateFolder) throws IOException {
        Path state = stateFolder.resolve("runtime.json");
        if (Files.exists(state)) {
            Map<String, Object> values = Json.readObject(Files.readAllBytes(state));
            URI endpoint = URI.create((String) values.get("dynamodb"));
            return new Connection(
                    LocalDynamo.client(endpoint),
                    (String) values.get("countsTable"),
                    (String) values.get("healthTable"),
                    Optional.of(URI.create((String) values.get("http"))),
                    "the local runtime (" + endpoint + ")");
        }
        String counts = System.getenv("COUNTS_TABLE");
        String health = System.getenv("HEALTH_TABLE");
        if (counts == null || health == null) {
            throw new IllegalStateException("no local runtime is running here (start one with `./autowatch run`), and "
                    + "COUNTS_TABLE / HEALTH_TABLE are not set for AWS");
        }
        String region = Optional.ofNullable(System.getenv("AWS_REGION"))
                .or(() -> Optional.ofNullable(System.getenv("AWS_DEFAULT_REGION")))
                .orElseThrow(() ->
                        new IllegalStateException("set AWS_REGION to the region of COUNTS_TABLE and HEALTH_TABLE"));
        return new Connection(
                AwsClients.forRegion(region).dynamoDb(),
                counts,
                health,
                Optional.empty(),
                "AWS (" + counts + ", " + health + ")");
    }

    /** What the local runtime answered a POST: its status and its JSON body. */
    record Answer(int status, Map<String, Object> body) {
        boolean ok() {
            return status == 200;
        }

        /** The runtime's reason for a refusal. */
        Object message() {
            return body.getOrDefault("message", "HTTP " + status);
        }
    }

    /** POSTs to the local runtime's API (a command that runs there: check, retire). */
    static Answer post(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), Json.readObject(response.body()));
    }
}
