package io.autowatch.local.runtime;

import io.autowatch.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code .autowatch/runtime.json}: where a running local runtime's tables and HTTP server are, so that CLI commands in
 * another terminal find them. It is deleted when the runtime stops.
 */
final class RuntimeState {

    private RuntimeState() {}

    static void write(Path stateFolder, URI dynamoDb, URI http) throws IOException {
        Files.writeString(
                stateFolder.resolve("runtime.json"),
                Json.write(Map.of(
                        "dynamodb",
                        dynamoDb.toString(),
                        "countsTable",
                        LocalDynamo.COUNTS_TABLE,
                        "healthTable",
                        LocalDynamo.HEALTH_TABLE,
                        "http",
                        http.toString())));
    }
}
