package io.autowatch.json;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON reading and writing through jackson-jr: maps, lists, strings, numbers and booleans only. jackson-jr is chosen
 * over jackson-databind because it loads in a fraction of the time, which matters on a Lambda cold start.
 */
public final class Json {

    private static final JSON WRITER = JSON.std;
    private static final JSON NULL_WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);
    private static final JSON READER = JSON.std.with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {}

    public static String write(Object value) {
        try {
            return WRITER.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    /** Like {@link #write}, but a map entry whose value is null is written as {@code null}, not left out. */
    public static String writeKeepingNulls(Object value) {
        try {
            return NULL_WRITER.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    /** Reads a JSON object; throws {@link IllegalArgumentException} naming what is wrong when it is not one. */
    public static Map<String, Object> readObject(byte[] json) {
        try {
            Object value = READER.anyFrom(json);
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                return object;
            }
            throw new IllegalArgumentException("expected a JSON object, got " + describe(value));
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Reads any JSON value: an object, a list, a string, a number, a boolean or null. */
    public static Object read(String json) {
        try {
            return READER.anyFrom(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    public static Map<String, Object> readObject(String json) {
        return readObject(json.getBytes(StandardCharsets.UTF_8));
    }

    public static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
