package io.autowatch.healthcheck.judge;

import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.judge.adaptive.AdaptivePolicy;
import io.autowatch.healthcheck.judge.classic.ClassicPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policies a job may name in its settings: {@code adaptive} (the default, {@link JobSettings#DEFAULTS}) and
 * {@code classic} (the seed's rule), both always present.
 */
public final class Policies {

    private final Map<String, HealthPolicy> byName = new LinkedHashMap<>();

    private Policies(List<HealthPolicy> policies) {
        byName.put(ClassicPolicy.NAME, new ClassicPolicy());
        byName.put(AdaptivePolicy.NAME, new AdaptivePolicy());
        policies.forEach(p -> byName.put(p.name(), p));
    }

    public static Policies standard() {
        return new Policies(List.of());
    }

    /**
     * The standard policies plus {@code extra} ones, which may not replace a built-in one: {@code adaptive} judges
     * every job that names no policy, and {@code classic} is the way back from it.
     */
    public static Policies with(List<HealthPolicy> extra) {
        extra.forEach(p -> {
            if (p.name().equals(ClassicPolicy.NAME) || p.name().equals(AdaptivePolicy.NAME)) {
                throw new IllegalArgumentException("the " + p.name() + " policy cannot be replaced");
            }
        });
        return new Policies(extra);
    }

    public Optional<HealthPolicy> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
