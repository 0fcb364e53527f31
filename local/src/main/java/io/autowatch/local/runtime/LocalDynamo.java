package io.autowatch.local.runtime;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.autowatch.aws.AwsClients;
import io.autowatch.aws.dynamodb.Tables;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local inside this process, in memory or kept in a folder, with autowatch's two tables. */
public final class LocalDynamo implements AutoCloseable {

    public static final String COUNTS_TABLE = "autowatch-counts";
    public static final String HEALTH_TABLE = "autowatch-health";
    static final String SCHEMA_SYNC_TABLE = "autowatch-schema-sync";

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalDynamo(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = client(endpoint);
    }

    /** @param folder keep the data there (between runs); empty keeps it in memory */
    static LocalDynamo start(Optional<Path> folder, int port) throws Exception {
        if (System.getProperty("sqlite4java.library.path") == null) {
            throw new IllegalStateException("sqlite4java.library.path is not set: start autowatch with ./autowatch, "
                    + "which points it at DynamoDB Local's native libraries");
        }
        int chosen = port > 0 ? port : freePort();
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(chosen), "-disableTelemetry"));
        if (folder.isPresent()) {
            Files.createDirectories(folder.get());
            args.addAll(List.of("-dbPath", folder.get().toAbsolutePath().toString(), "-sharedDb"));
        } else {
            args.addAll(List.of("-inMemory", "-sharedDb"));
        }
        // DynamoDB Local prints its configuration banner on standard output; the runtime prints its own summary.
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        DynamoDBProxyServer server;
        try {
            server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
        } finally {
            System.setOut(console);
        }
        LocalDynamo dynamo = new LocalDynamo(server, URI.create("http://127.0.0.1:" + chosen));
        dynamo.ensureTables();
        return dynamo;
    }

    public static DynamoDbClient client(URI endpoint) {
        return AwsClients.local(endpoint).dynamoDb();
    }

    private void ensureTables() {
        List<String> tables = client.listTables().tableNames();
        if (!tables.contains(COUNTS_TABLE)) {
            client.createTable(Tables.countsTable(COUNTS_TABLE));
        }
        if (!tables.contains(HEALTH_TABLE)) {
            client.createTable(Tables.healthTable(HEALTH_TABLE));
        }
        if (!tables.contains(SCHEMA_SYNC_TABLE)) {
            client.createTable(Tables.schemaSyncTable(SCHEMA_SYNC_TABLE));
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(COUNTS_TABLE));
        client.waiter().waitUntilTableExists(b -> b.tableName(SCHEMA_SYNC_TABLE));
        client.waiter().waitUntilTableExists(b -> b.tableName(HEALTH_TABLE));
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            // DynamoDB Local's stop declares Exception; there is nothing to do about a failed stop at exit.
        }
    }
}
