package io.autowatch.schemasync.compat;

import io.autowatch.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The repository's choice of level, from {@value #FILE} at its root: {@code {"compatibility": "FULL"}}. It is read at
 * the pull request's base, never its head, so that a pull request cannot lower the bar for itself. A missing file or
 * key means {@link CompatibilityLevel#DEFAULT}; a file that cannot be read means the default too, and says why.
 */
public final class CompatibilityConfig {

    public static final String FILE = "autowatch.json";

    /** Larger than any sensible settings file: not parsed. */
    public static final int MAX_BYTES = 16 * 1024;

    private CompatibilityConfig() {}

    /** The level and what was wrong with the file, if anything. */
    public record Chosen(CompatibilityLevel level, Optional<String> problem) {}

    public static Chosen of(Optional<byte[]> file) {
        if (file.isEmpty()) {
            return new Chosen(CompatibilityLevel.DEFAULT, Optional.empty());
        }
        if (file.get().length > MAX_BYTES) {
            return fallback(FILE + " is over " + MAX_BYTES + " bytes, so it was not read");
        }
        Map<String, Object> settings;
        try {
            settings = Json.readObject(new String(file.get(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return fallback(FILE + " is not a JSON object");
        }
        Object value = settings.get("compatibility");
        if (value == null) {
            return new Chosen(CompatibilityLevel.DEFAULT, Optional.empty());
        }
        if (!(value instanceof String name)) {
            return fallback("\"compatibility\" in " + FILE + " must be a string, got " + Json.describe(value));
        }
        if (name.trim().toUpperCase(Locale.ROOT).endsWith("_TRANSITIVE")) {
            String base = name.trim().toUpperCase(Locale.ROOT).replace("_TRANSITIVE", "");
            return CompatibilityLevel.named(base)
                    .map(level -> new Chosen(
                            level,
                            Optional.of(FILE + " asks for " + name.trim() + ": the check compares with the merge base "
                                    + "only, so it ran as " + level)))
                    .orElseGet(() -> fallback(unknown(name)));
        }
        return CompatibilityLevel.named(name)
                .map(level -> new Chosen(level, Optional.<String>empty()))
                .orElseGet(() -> fallback(unknown(name)));
    }

    private static String unknown(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return "\"compatibility\" in " + FILE + " is \"" + shown + "\", not one of BACKWARD, FORWARD, FULL or NONE";
    }

    private static Chosen fallback(String problem) {
        return new Chosen(CompatibilityLevel.DEFAULT, Optional.of(problem + "; checked at the default, BACKWARD"));
    }
}
