package io.autowatch.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Runs a function's deployment package under AWS's own runtime interface client ({@code AWSLambda}, what Lambda's
 * managed Java runtime runs), in a new JVM, against a Lambda Runtime API served here, for one invocation: the cold
 * start as Lambda has it, from the JVM's start to the function's response, split at the runtime client's first
 * request for an event (the end of init).
 */
public final class RuntimeClientRun {

    private static final String NEXT = "/2018-06-01/runtime/invocation/next";
    private static final String REQUEST_ID = "8476a536-e9f4-11e8-9739-2dfe598c3fcd";

    /** Milliseconds from the JVM's start to the end of init, and from there to the response. */
    public record Timing(long initMillis, long invokeMillis, String response, String output) {
        public long totalMillis() {
            return initMillis + invokeMillis;
        }
    }

    private RuntimeClientRun() {}

    /**
     * @param runtimeClient the runtime client's jars (its own, and what it needs beyond the package)
     * @param jvmOptions    extra options, e.g. {@code -Xmx870m -XX:ActiveProcessorCount=1} to model a 1024 MB function
     * @throws IllegalStateException when the function reports an init or invocation error, or does not answer
     */
    public static Timing run(
            Path zip,
            String handler,
            byte[] event,
            Map<String, String> env,
            List<String> jvmOptions,
            List<Path> runtimeClient)
            throws IOException, InterruptedException {
        return run(zip, handler, event, env, jvmOptions, runtimeClient, Optional.empty());
    }

    /**
     * @param snapshotHooks for a SnapStart model ({@link SnapStartModel}): the class whose static {@code registered()}
     *                      returns the function's CRaC hooks, called between init and the first event
     */
    public static Timing run(
            Path zip,
            String handler,
            byte[] event,
            Map<String, String> env,
            List<String> jvmOptions,
            List<Path> runtimeClient,
            Optional<String> snapshotHooks)
            throws IOException, InterruptedException {
        Path task = Files.createTempDirectory("lambda-task");
        PackagedFunction.unzip(zip, task);
        CompletableFuture<Long> initialized = new CompletableFuture<>();
        CompletableFuture<String> responded = new CompletableFuture<>();
        AtomicBoolean served = new AtomicBoolean();
        ExecutorService threads =
                Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.setExecutor(threads);
        api.createContext("/2018-06-01/runtime/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals(NEXT) && !served.getAndSet(true)) {
                initialized.complete(System.nanoTime());
                event(exchange, event);
            } else if (path.equals(NEXT)) {
                return; // the runtime client waits for a second event, which never comes: the run is over
            } else if (path.endsWith("/response")) {
                reply(exchange, 202);
                responded.complete(new String(body, StandardCharsets.UTF_8));
            } else { // init/error or invocation/<id>/error
                reply(exchange, 202);
                responded.completeExceptionally(
                        new IllegalStateException(path + ": " + new String(body, StandardCharsets.UTF_8)));
            }
        });
        api.start();
        List<String> command = new ArrayList<>(List.of(
                "java", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        String classpath = task + ":" + task + "/lib/*:"
                + runtimeClient.stream().map(Path::toString).collect(Collectors.joining(":"));
        if (snapshotHooks.isPresent()) {
            String model = Path.of(SnapStartModel.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .getPath())
                    .toString();
            command.addAll(List.of(
                    "-cp", classpath + ":" + model, SnapStartModel.class.getName(), handler, snapshotHooks.get()));
        } else {
            command.addAll(
                    List.of("-cp", classpath, "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
        builder.environment()
                .put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.getAddress().getPort());
        builder.environment().put("_HANDLER", handler);
        long start = System.nanoTime();
        Process process = builder.start();
        CompletableFuture<String> output =
                CompletableFuture.supplyAsync(() -> drain(process.getInputStream()), threads);
        try {
            String response = responded.get(180, TimeUnit.SECONDS);
            long respondedAt = System.nanoTime();
            long initAt = initialized.get();
            process.destroyForcibly().waitFor();
            return new Timing(
                    (initAt - start) / 1_000_000,
                    (respondedAt - initAt) / 1_000_000,
                    response,
                    output.get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly().waitFor();
            String printed = output.getNow("");
            throw new IllegalStateException("the function failed under the runtime client: " + e + "\n" + printed, e);
        } finally {
            api.stop(0);
            threads.shutdownNow();
        }
    }

    private static void event(HttpExchange exchange, byte[] event) throws IOException {
        // Every header the Runtime API documents: the runtime client reads each one.
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", REQUEST_ID);
        exchange.getResponseHeaders()
                .add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 900_000));
        exchange.getResponseHeaders()
                .add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:bench");
        exchange.getResponseHeaders()
                .add("Lambda-Runtime-Trace-Id", "Root=1-5e1b4151-5ac6c58f5b5dbd2ebc2a2c9a;Parent=1;Sampled=0");
        exchange.getResponseHeaders().add("Lambda-Runtime-Client-Context", "");
        exchange.getResponseHeaders().add("Lambda-Runtime-Cognito-Identity", "");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, event.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(event);
        }
    }

    private static void reply(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static String drain(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
