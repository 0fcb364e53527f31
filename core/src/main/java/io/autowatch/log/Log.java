package io.autowatch.log;

import io.autowatch.json.Json;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured logs: one JSON object per line on standard output, which Lambda sends to CloudWatch Logs. Each line
 * names an event and carries the identifiers of what it is about (job, day, delivery); never a secret.
 */
public final class Log {

    private static volatile PrintStream out = System.out;

    private final String logger;

    private Log(String logger) {
        this.logger = logger;
    }

    public static Log of(Class<?> type) {
        return new Log(type.getSimpleName());
    }

    /** Redirects all logs, for tests that read them. */
    public static void redirect(PrintStream stream) {
        out = stream;
    }

    public void info(String event, Object... keysAndValues) {
        write("INFO", event, keysAndValues);
    }

    public void warn(String event, Object... keysAndValues) {
        write("WARN", event, keysAndValues);
    }

    public void error(String event, Object... keysAndValues) {
        write("ERROR", event, keysAndValues);
    }

    private void write(String level, String event, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("log fields come in key/value pairs");
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("logger", logger);
        line.put("event", event);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            line.put(
                    String.valueOf(keysAndValues[i]),
                    value instanceof Number
                                    || value instanceof Boolean
                                    || value instanceof Map
                                    || value instanceof List
                                    || value == null
                            ? value
                            : String.valueOf(value));
        }
        String text = Json.write(line);
        PrintStream stream = out;
        synchronized (stream) {
            stream.println(text);
        }
    }
}
