package io.autowatch.healthcheck.settings;

import io.autowatch.counts.JobId;

/** Which jobs an override applies to. Narrower scopes win: job over longest prefix over default. */
public sealed interface Scope permits Scope.AllJobs, Scope.Prefix, Scope.Job {
    boolean covers(JobId job);

    /** Higher is narrower. */
    int precedence();

    /** How the scope is written in the settings store and in messages. */
    String key();

    public record AllJobs() implements Scope {
        @Override
        public boolean covers(JobId job) {
            return true;
        }

        @Override
        public int precedence() {
            return 0;
        }

        @Override
        public String key() {
            return "default";
        }
    }

    public record Prefix(String prefix) implements Scope {
        public Prefix {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("a prefix override needs a non-empty prefix");
            }
        }

        @Override
        public boolean covers(JobId job) {
            return job.value().startsWith(prefix);
        }

        @Override
        public int precedence() {
            return 1 + prefix.length();
        }

        @Override
        public String key() {
            return "prefix:" + prefix;
        }
    }

    public record Job(JobId job) implements Scope {
        @Override
        public boolean covers(JobId other) {
            return job.equals(other);
        }

        @Override
        public int precedence() {
            return Integer.MAX_VALUE;
        }

        @Override
        public String key() {
            return "job:" + job.value();
        }
    }
}
