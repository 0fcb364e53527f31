package io.autowatch.local.cli;

import io.autowatch.json.Json;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What `./autowatch check` prints: the run's summary in words, then the notices it sent, one line each. */
final class CheckOutput {

    private CheckOutput() {}

    static String summary(Map<String, Object> s, LocalDate day) {
        return "Checked " + plural(s.get("checked"), "job") + " "
                + (day == null ? "for their last complete day" : "for " + day)
                + ": " + s.get("healthy") + " healthy, " + s.get("unhealthy") + " unhealthy, " + s.get("zero")
                + " zero, " + s.get("insufficient") + " with too little history, " + s.get("failed") + " failed. "
                + plural(s.get("alerts"), "alert") + " and " + plural(s.get("recoveries"), "recovery") + " sent"
                + (((Number) s.get("alerts")).intValue() == 0 && ((Number) s.get("recoveries")).intValue() == 0
                        ? " (a day already alerted on is not alerted on again)."
                        : ":");
    }

    private static String plural(Object n, String word) {
        boolean one = n instanceof Number number && number.intValue() == 1;
        return n + " " + (one ? word : word.equals("recovery") ? "recoveries" : word + "s");
    }

    /** The notices written to the alert log after {@code offset}: what this check sent. */
    static List<String> newAlerts(Path log, long offset) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(log)) {
            return lines;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(Math.min(offset, file.length()));
            byte[] rest = new byte[(int) Math.min(Integer.MAX_VALUE - 8, file.length() - file.getFilePointer())];
            file.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(describe(Json.readObject(line)));
                }
            }
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static String describe(Map<String, Object> line) {
        Map<String, Object> chat = (Map<String, Object>) line.get("chat");
        Map<String, Object> content = chat == null ? Map.of() : (Map<String, Object>) chat.get("content");
        return "  "
                + String.valueOf(content.getOrDefault("title", "(a notice)"))
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&")
                + "  → " + line.getOrDefault("topics", List.of());
    }
}
