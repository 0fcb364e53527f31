package io.autowatch.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An emulator of SNS, SQS and Secrets Manager for integration tests, one per test run. It picks what this machine
 * has: LocalStack through Testcontainers where a Docker engine answers, else {@code moto_server} from the PATH. With
 * neither, every test that uses it is skipped with a message that says so, on standard error and in the report;
 * in CI ({@code CI=true}) it fails instead.
 *
 * <p>Set {@code AUTOWATCH_AWS_EMULATOR=moto} or {@code =localstack} to force one.
 */
public final class AwsEmulator implements BeforeAllCallback, ParameterResolver {

    public static final Region REGION = Region.US_EAST_1;
    public static final String ACCOUNT = "123456789012";

    private static Optional<Running> running;
    private static String unavailableReason = "";

    /** The running emulator: where it listens and which one it is. */
    public record Running(URI endpoint, String kind) {}

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<Running> emulator = start();
        if (emulator.isEmpty()) {
            String message = "SKIPPED " + context.getDisplayName() + ": no AWS emulator for SNS/SQS/Secrets Manager "
                    + "on this machine (" + unavailableReason + "). Install moto (pip install 'moto[server]') or "
                    + "run a Docker engine for LocalStack.";
            System.err.println("*** " + message);
            if (inCi()) {
                // In CI a skipped integration test would hide a broken set-up behind a green build.
                throw new IllegalStateException(
                        "CI=true: tests that need an AWS emulator must run, not skip. " + message);
            }
            Assumptions.abort(message);
        }
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static synchronized Optional<Running> start() {
        if (running == null) {
            running = launch();
            running.ifPresent(r -> System.err.println("AWS emulator for tests: " + r.kind() + " at " + r.endpoint()));
        }
        return running;
    }

    public static Running get() {
        return start().orElseThrow(() -> new IllegalStateException("no AWS emulator: " + unavailableReason));
    }

    /**
     * A fresh {@code moto_server} of its own, for executing a state machine definition (README, "A run in shards"):
     * moto fails to start a second execution once one has run in the same server, so each test takes its own. Fails,
     * naming why, when there is no moto_server; a test calls it from a class that {@link AwsEmulator} extends, which
     * skips or fails as every emulator test does.
     */
    public static Running freshMoto() {
        Path moto = findOnPath("moto_server")
                .orElseThrow(() ->
                        new IllegalStateException("executing the workflow's definition needs moto_server on the PATH"));
        return startMoto(moto);
    }

    private static Optional<Running> launch() {
        String forced = System.getenv().getOrDefault("AUTOWATCH_AWS_EMULATOR", "");
        if (!forced.equals("moto") && dockerAvailable()) {
            return Optional.of(startLocalStack());
        }
        if (forced.equals("localstack")) {
            unavailableReason = "AUTOWATCH_AWS_EMULATOR=localstack but no Docker engine answers";
            return Optional.empty();
        }
        Optional<Path> moto = findOnPath("moto_server");
        if (moto.isEmpty()) {
            unavailableReason = "no Docker engine, and no moto_server on the PATH";
            return Optional.empty();
        }
        return Optional.of(startMoto(moto.get()));
    }

    private static boolean dockerAvailable() {
        boolean socket = new File("/var/run/docker.sock").exists();
        if (!socket && System.getenv("DOCKER_HOST") == null) {
            return false; // asking Testcontainers would only log a long error
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Running startLocalStack() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                .withServices("sns", "sqs", "secretsmanager", "events");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new Running(container.getEndpoint(), "LocalStack (Testcontainers)");
    }

    private static Running startMoto(Path executable) {
        int port = FreePort.find();
        try {
            Process process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            waitForPort(port, process, Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + executable, e);
        }
        return new Running(URI.create("http://127.0.0.1:" + port), "moto_server");
    }

    private static void waitForPort(int port, Process process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with code " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        process.destroy();
        throw new IllegalStateException("moto_server did not listen on port " + port + " within " + timeout);
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (candidate.canExecute()) {
                return Optional.of(candidate.toPath());
            }
        }
        return Optional.empty();
    }

    public static SnsClient sns() {
        return SnsClient.builder()
                .endpointOverride(get().endpoint())
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static SqsClient sqs() {
        return SqsClient.builder()
                .endpointOverride(get().endpoint())
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder()
                .endpointOverride(get().endpoint())
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SnsClient.class || type == SqsClient.class || type == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == SnsClient.class) {
            return sns();
        }
        if (type == SqsClient.class) {
            return sqs();
        }
        return get();
    }
}
