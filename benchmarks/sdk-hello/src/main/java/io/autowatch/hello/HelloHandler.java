package io.autowatch.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cold-start yardstick: what AWS's own examples call a hello function with the SDK, one DynamoDB call per
 * invocation, its client built once outside the handler, as the functions here build theirs.
 */
public final class HelloHandler implements RequestStreamHandler {

    private static final DynamoDbClient DYNAMO_DB = DynamoDbClient.builder()
            .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        int tables = DYNAMO_DB.listTables(b -> b.limit(1)).tableNames().size();
        output.write(("{\"hello\": \"world\", \"tables\": " + tables + "}").getBytes(StandardCharsets.UTF_8));
    }
}
