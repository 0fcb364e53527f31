package io.autowatch.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs a stream handler the way the Lambda Java runtime does: loads the class from the function package's
 * layout (classes at the root, jars in {@code lib/}), constructs it once (init), then invokes it with an event
 * file. Prints the response and the timings on standard output. Uses nothing but the JDK, so that it adds nothing
 * to the measured class loading.
 *
 * <p>Usage: {@code java -cp task:task/lib/*:<this> io.autowatch.testing.LambdaInvoker <handler class> <event>
 * [warm invocations]}; with a count, it also invokes that many more times and prints the warm latencies' median
 * and 99th percentile.
 */
public final class LambdaInvoker {

    private LambdaInvoker() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getConstructor().newInstance();
        long initialized = System.nanoTime();
        Class<?> context = Class.forName("com.amazonaws.services.lambda.runtime.Context");
        Method handle = type.getMethod("handleRequest", InputStream.class, OutputStream.class, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handle.invoke(handler, new ByteArrayInputStream(Files.readAllBytes(Path.of(args[1]))), out, null);
        long invoked = System.nanoTime();
        System.out.println("RESPONSE " + out.toString(StandardCharsets.UTF_8));
        System.out.printf(
                "TIMING init_ms=%d invoke_ms=%d jvm_uptime_ms=%d%n",
                (initialized - start) / 1_000_000,
                (invoked - initialized) / 1_000_000,
                ManagementFactory.getRuntimeMXBean().getUptime());
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        if (warm > 0) {
            byte[] event = Files.readAllBytes(Path.of(args[1]));
            long[] micros = new long[warm];
            for (int i = 0; i < warm; i++) {
                long t = System.nanoTime();
                handle.invoke(handler, new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
                micros[i] = (System.nanoTime() - t) / 1_000;
            }
            Arrays.sort(micros);
            System.out.printf(
                    "WARM n=%d median_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
                    warm,
                    micros[warm / 2] / 1000.0,
                    micros[(int) Math.ceil(warm * 0.99) - 1] / 1000.0,
                    micros[warm - 1] / 1000.0);
        }
        System.out.println("PEAK_RSS_KB " + peakRssKb());
        System.out.println("CPU_MS "
                + ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .map(d -> d.toMillis())
                        .orElse(-1L));
        System.exit(0);
    }

    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            // Not on Linux: unknown.
        }
        return -1;
    }
}
