package io.autowatch.datadog;

import com.datadog.api.client.ApiClient;
import com.datadog.api.client.ApiException;
import com.datadog.api.client.RetryConfig;
import com.datadog.api.client.v1.api.MonitorsApi;
import com.datadog.api.client.v1.api.MonitorsApi.ListMonitorsOptionalParameters;
import com.datadog.api.client.v1.model.Monitor;
import com.datadog.api.client.v1.model.MonitorOptions;
import com.datadog.api.client.v1.model.MonitorType;
import com.datadog.api.client.v1.model.MonitorUpdateRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autowatch.json.Json;
import io.autowatch.monitor.ExistingMonitor;
import io.autowatch.monitor.MonitorDefinition;
import io.autowatch.monitor.MonitorStore;
import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Datadog monitors through datadog-api-client's {@link MonitorsApi}. Lists filter with {@code monitor_tags} (the
 * monitor's own tags; {@code tags} would filter the query's scope) and match names exactly, since Datadog's name
 * filter is a substring match. Updates send the complete options, since an update replaces them. The client
 * retries 429 and 5xx itself, waiting as {@code X-RateLimit-Reset} says, and has explicit timeouts (it has none by
 * default).
 */
public final class DatadogMonitorStore implements MonitorStore {

    private static final int PAGE_SIZE = 1000;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final MonitorsApi api;
    private final ObjectMapper mapper;

    public DatadogMonitorStore(MonitorsApi api) {
        this.api = api;
        this.mapper = api.getApiClient().getJSON().getMapper();
    }

    /**
     * @param baseUrl a full API URL ({@code DATADOG_API_URL}: proxies, tests), or empty to use {@code site}
     * @param site    the Datadog site ({@code DD_SITE}), e.g. {@code datadoghq.eu}
     */
    public static DatadogMonitorStore create(
            String apiKey,
            String appKey,
            Optional<String> baseUrl,
            String site,
            Duration connectTimeout,
            Duration readTimeout,
            int retries) {
        ApiClient client = new ApiClient();
        client.configureApiKeys(Map.of("apiKeyAuth", apiKey, "appKeyAuth", appKey));
        if (baseUrl.isPresent()) {
            client.setServerIndex(null);
            client.setBasePath(baseUrl.get().replaceAll("/+$", ""));
        } else {
            client.setServerVariables(Map.of("site", site));
        }
        client.setConnectTimeout((int) connectTimeout.toMillis());
        client.setReadTimeout((int) readTimeout.toMillis());
        client.setRetry(new RetryConfig(true, 2, 2, retries));
        return new DatadogMonitorStore(new MonitorsApi(client));
    }

    @Override
    public List<ExistingMonitor> listByTags(List<String> monitorTags) {
        return list(Optional.empty(), monitorTags);
    }

    @Override
    public List<ExistingMonitor> listByName(String name, List<String> monitorTags) {
        return list(Optional.of(name), monitorTags).stream()
                .filter(m -> m.name().equals(name))
                .toList();
    }

    private List<ExistingMonitor> list(Optional<String> name, List<String> monitorTags) {
        List<ExistingMonitor> result = new ArrayList<>();
        for (long page = 0; ; page++) {
            ListMonitorsOptionalParameters parameters = new ListMonitorsOptionalParameters()
                    .monitorTags(String.join(",", monitorTags))
                    .page(page)
                    .pageSize(PAGE_SIZE);
            name.ifPresent(parameters::name);
            List<Monitor> monitors = call(
                    "listing monitors" + name.map(n -> " named '" + n + "'").orElse("") + " tagged " + monitorTags,
                    () -> api.listMonitors(parameters));
            monitors.forEach(m -> result.add(existing(m)));
            if (monitors.size() < PAGE_SIZE) {
                return result;
            }
        }
    }

    @Override
    public void validate(MonitorDefinition monitor) {
        call("Datadog refused '" + monitor.name() + "'", () -> api.validateMonitor(monitor(monitor)));
    }

    @Override
    public long create(MonitorDefinition monitor) {
        return call("creating '" + monitor.name() + "'", () -> api.createMonitor(monitor(monitor)))
                .getId();
    }

    @Override
    public void update(long id, MonitorDefinition monitor) {
        MonitorUpdateRequest request = new MonitorUpdateRequest()
                .name(monitor.name())
                .type(MonitorType.fromValue(monitor.type()))
                .query(monitor.query())
                .message(monitor.message())
                .tags(monitor.tags())
                .priority((long) monitor.priority())
                .options(options(monitor));
        call("updating '" + monitor.name() + "' (id " + id + ")", () -> api.updateMonitor(id, request));
    }

    @Override
    public void delete(long id) {
        try {
            call("deleting monitor " + id, () -> api.deleteMonitor(id));
        } catch (MonitorStoreException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /**
     * Warms the client without a request to Datadog, for a snapshot (SnapStart) to hold it warm: its JSON mapping of
     * monitors both ways, and its whole call path (the Jersey runtime, which it builds on its first request, the
     * authentication and retry code) by listing monitors at a closed local port through the same HTTP client.
     */
    public void prime() {
        MonitorDefinition sample = new MonitorDefinition(
                "autowatch priming",
                "metric alert",
                "sum(last_1h):sum:autowatch.priming{*}.as_count() < 1",
                "priming",
                List.of("autowatch:priming"),
                3,
                Map.of("notify_no_data", false, "thresholds", Map.of("critical", 1)),
                "priming.avdl",
                "PrimingEvent");
        try {
            // As Datadog lists it: the monitor as sent, with the id it was given.
            Map<String, Object> listed = new HashMap<>(mapper.convertValue(monitor(sample), MAP));
            listed.put("id", 1);
            String json = mapper.writeValueAsString(List.of(listed));
            List<Monitor> read = mapper.readValue(json, new TypeReference<List<Monitor>>() {});
            read.forEach(this::existing);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("priming the Datadog client's JSON failed", e);
        }
        ApiClient closed = new ApiClient();
        closed.setHttpClient(api.getApiClient().getHttpClient());
        closed.setServerIndex(null);
        closed.setBasePath("http://127.0.0.1:9"); // the discard port: nothing listens, the connection is refused
        closed.configureApiKeys(Map.of("apiKeyAuth", "priming", "appKeyAuth", "priming"));
        try {
            new MonitorsApi(closed).listMonitors(new ListMonitorsOptionalParameters().pageSize(1));
        } catch (ApiException | ProcessingException expected) {
            // The point was the path to the socket, not an answer.
        }
    }

    private interface DatadogCall<T> {
        T run() throws ApiException;
    }

    /** Runs a call; Datadog's refusals and the client's transport failures (timeouts) become one exception. */
    private static <T> T call(String what, DatadogCall<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw failure(what, e);
        } catch (ProcessingException e) {
            throw new MonitorStoreException(what + " failed: Datadog did not answer (" + e.getMessage() + ")", 0, e);
        }
    }

    private Monitor monitor(MonitorDefinition d) {
        return new Monitor()
                .name(d.name())
                .type(MonitorType.fromValue(d.type()))
                .query(d.query())
                .message(d.message())
                .tags(d.tags())
                .priority((long) d.priority())
                .options(options(d));
    }

    private MonitorOptions options(MonitorDefinition d) {
        return mapper.convertValue(d.options(), MonitorOptions.class);
    }

    @SuppressWarnings("unchecked")
    private ExistingMonitor existing(Monitor m) {
        Map<String, Object> options =
                m.getOptions() == null ? Map.of() : mapper.convertValue(m.getOptions(), Map.class);
        return new ExistingMonitor(
                m.getId(),
                m.getName(),
                m.getType() == null ? "" : m.getType().getValue(),
                m.getQuery(),
                m.getMessage(),
                m.getTags() == null ? List.of() : m.getTags(),
                Optional.ofNullable(m.getPriority()).map(Long::intValue),
                options);
    }

    /** Datadog's errors ({@code {"errors": [...]}}) in the message, so that a PR comment can quote them. */
    private static MonitorStoreException failure(String what, ApiException e) {
        String detail = e.getResponseBody();
        try {
            Object errors = Json.readObject(detail == null ? "{}" : detail).get("errors");
            if (errors instanceof List<?> list && !list.isEmpty()) {
                detail = String.join("; ", list.stream().map(String::valueOf).toList());
            }
        } catch (IllegalArgumentException notJson) {
            // Keep the body as it is.
        }
        String message = what + " failed: "
                + (e.getCode() == 0
                        ? e.getMessage()
                        : "HTTP " + e.getCode() + (detail == null || detail.isBlank() ? "" : ": " + detail));
        return new MonitorStoreException(message, e.getCode(), e);
    }
}
