package io.autowatch.monitor;

import java.util.List;
import java.util.Objects;

/** What registering would do to Datadog, one step per monitor. */
public record Plan(List<Step> steps) {

    public Plan {
        steps = List.copyOf(steps);
    }

    public sealed interface Step permits Create, Update, Delete, Unchanged, Conflict {
        String name();
    }

    public record Create(MonitorDefinition desired) implements Step {
        @Override
        public String name() {
            return desired.name();
        }
    }

    /** @param changes what differs, e.g. {@code query}, {@code tags}, {@code options.thresholds} */
    public record Update(long id, MonitorDefinition desired, List<String> changes) implements Step {
        public Update {
            changes = List.copyOf(changes);
        }

        @Override
        public String name() {
            return desired.name();
        }
    }

    public record Delete(ExistingMonitor existing, String reason) implements Step {
        public Delete {
            Objects.requireNonNull(existing, "existing");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String name() {
            return existing.name();
        }
    }

    public record Unchanged(long id, MonitorDefinition desired) implements Step {
        @Override
        public String name() {
            return desired.name();
        }
    }

    /**
     * The monitor cannot be written without harming another: more than one monitor has this name and the env tag
     * (nobody can tell which is meant), or the one that has it belongs to a schema file this command does not read.
     *
     * @param reason what the reader must do, in words
     */
    public record Conflict(MonitorDefinition desired, List<Long> ids, String reason) implements Step {
        public Conflict {
            ids = List.copyOf(ids);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String name() {
            return desired.name();
        }
    }

    public long count(Class<? extends Step> kind) {
        return steps.stream().filter(kind::isInstance).count();
    }

    /** Steps that write to Datadog. */
    public boolean changesAnything() {
        return steps.stream().anyMatch(s -> s instanceof Create || s instanceof Update || s instanceof Delete);
    }
}
