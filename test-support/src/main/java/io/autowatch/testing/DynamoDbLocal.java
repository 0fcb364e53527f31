package io.autowatch.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local, in this JVM, in memory, speaking the real wire protocol on a loopback port: one server for the
 * whole test run. Tests get a client (parameter {@link DynamoDbClient}) or the endpoint, and create uniquely named
 * tables ({@link #uniqueName}) so that they never see each other's data.
 */
public final class DynamoDbLocal implements BeforeAllCallback, ParameterResolver {

    private static DynamoDBProxyServer server;
    private static URI endpoint;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    /** Starts the server once; later calls return the same endpoint. */
    public static synchronized URI start() throws Exception {
        if (server == null) {
            if (System.getProperty("sqlite4java.library.path") == null) {
                throw new IllegalStateException("sqlite4java.library.path is not set: run the tests through Maven, "
                        + "which copies DynamoDB Local's native libraries to target/native-libs");
            }
            int port = FreePort.find();
            server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
            server.start();
            endpoint = URI.create("http://127.0.0.1:" + port);
            Runtime.getRuntime().addShutdownHook(new Thread(DynamoDbLocal::stop));
        }
        return endpoint;
    }

    private static synchronized void stop() {
        try {
            if (server != null) {
                server.stop();
            }
        } catch (Exception ignored) {
            // The JVM is exiting.
        }
    }

    public static URI endpoint() {
        return endpoint;
    }

    public static DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static String uniqueName(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DynamoDbClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return client();
    }
}
