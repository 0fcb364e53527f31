package io.autowatch.aws.dynamodb;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.Shard;
import io.autowatch.healthcheck.alert.AlertLedger.Kind;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item kinds of the health table. Job ids are free text, so every kind's partition key starts with a fixed
 * prefix that no other kind uses; a job named like a prefix cannot collide.
 *
 * <pre>
 * pk                   sk                      what
 * SETTINGS             default | prefix:P | job:J   a settings override
 * RESULT#job           YYYY-MM-DD              the check result of the job's day
 * NOTICE#job           YYYY-MM-DD#ALERT|RECOVERY    a notification's claim and delivery
 * OPEN_INCIDENT        job                     a job whose alert was not yet followed by a recovery
 * JOBS#bbbb            job                     a job of shard bucket bbbb (0000–1023) and the last day it wrote
 * JOBS#FILLED          -                       the registry holds the counts stored before it existed
 * RUN_DAY              YYYY-MM-DD              the workflow execution that runs the day's sharded check
 * </pre>
 */
public final class HealthKeys {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String SETTINGS = "SETTINGS";
    public static final String OPEN_INCIDENT = "OPEN_INCIDENT";
    public static final String RETIRED = "RETIRED";
    public static final String RESULT_PREFIX = "RESULT#";
    public static final String NOTICE_PREFIX = "NOTICE#";
    public static final String JOBS_PREFIX = "JOBS#";
    public static final String RUN_DAY = "RUN_DAY";

    private HealthKeys() {}

    public static Map<String, AttributeValue> result(JobId job, LocalDate day) {
        return key(RESULT_PREFIX + job.value(), day.toString());
    }

    public static Map<String, AttributeValue> notice(JobId job, LocalDate day, Kind kind) {
        return key(NOTICE_PREFIX + job.value(), day + "#" + kind);
    }

    public static Map<String, AttributeValue> retired(JobId job) {
        return key(RETIRED, job.value());
    }

    public static Map<String, AttributeValue> openIncident(JobId job) {
        return key(OPEN_INCIDENT, job.value());
    }

    /** The registry partition of one shard bucket: its jobs, 1/1,024 of them, never one hot key. */
    public static String jobsBucket(int bucket) {
        return JOBS_PREFIX + String.format(Locale.ROOT, "%04d", bucket);
    }

    public static Map<String, AttributeValue> registered(JobId job) {
        return key(jobsBucket(Shard.bucket(job)), job.value());
    }

    public static Map<String, AttributeValue> runDay(LocalDate day) {
        return key(RUN_DAY, day.toString());
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}
