package io.autowatch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs a function's deployment package ({@code target/function.zip}) as Lambda would: unzipped into a folder,
 * classes at the root and jars in {@code lib/}, in a new JVM with the template's JVM options, through
 * {@link LambdaInvoker}. For local runs and benchmarks (cold start is the child JVM's start to its response).
 */
public final class PackagedFunction {

    /** What the child printed, and the wall time from starting it to its {@code RESPONSE} line. */
    public record Run(String output, long wallMillis) {}

    private PackagedFunction() {}

    /**
     * @param jvmOptions extra options, e.g. {@code -Xmx870m -XX:ActiveProcessorCount=1} to model a 1024 MB function
     * @param warm       further invocations after the first, for warm latencies (0 for none)
     */
    public static Run run(
            Path zip, String handler, Path event, Map<String, String> env, List<String> jvmOptions, int warm)
            throws IOException, InterruptedException {
        Path task = Files.createTempDirectory("lambda-task");
        unzip(zip, task);
        Path invoker = Path.of(LambdaInvoker.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
        String classpath = task + ":" + task + "/lib/*:" + invoker;
        List<String> command = new ArrayList<>(List.of("java", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp", classpath, LambdaInvoker.class.getName(), handler, event.toString(), Integer.toString(warm)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        long respondedAt = 0;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("RESPONSE ") && respondedAt == 0) {
                    respondedAt = System.nanoTime();
                }
                output.append(line).append('\n');
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || respondedAt == 0) {
            throw new IllegalStateException("the packaged function failed (exit " + exit + "):\n" + output);
        }
        return new Run(output.toString(), (respondedAt - start) / 1_000_000);
    }

    /** The JVM options in {@code HARNESS_CHILD_JAVA_OPTS}, if any. */
    public static List<String> optionsFromEnvironment() {
        String options =
                System.getenv().getOrDefault("HARNESS_CHILD_JAVA_OPTS", "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(in, path);
                }
            }
        }
    }
}
