package io.autowatch.healthcheck;

import io.autowatch.counts.JobId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A part of the jobs that one worker checks. Every job falls in one of {@value #BUCKETS} buckets, by a hash that
 * any language computes the same way: the CRC-32 (IEEE, as zlib and {@code java.util.zip} compute it) of the job
 * id's UTF-8 bytes, modulo {@value #BUCKETS}; in Python {@code zlib.crc32(job.encode("utf-8")) % 1024}. Shard
 * {@code index} of {@code count} holds the buckets from {@code index × 1024 / count} up to, not including,
 * {@code (index + 1) × 1024 / count}, so shards split the buckets evenly and a job's bucket never changes when the
 * shard count does.
 */
public record Shard(int index, int count) {

    public static final int BUCKETS = 1024;

    /** One shard holding every job: a whole run. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || count > BUCKETS) {
            throw new IllegalArgumentException("a shard count is from 1 to " + BUCKETS + ", not " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(
                    "shard index " + index + " is outside 0 to " + (count - 1) + " for " + count + " shards");
        }
    }

    /** The job's bucket, from 0 to {@value #BUCKETS} − 1. */
    public static int bucket(JobId job) {
        return bucket(job.value());
    }

    /** The bucket of any stored job id, a valid one or not, so that a rejected item is told by one shard only. */
    public static int bucket(String job) {
        CRC32 crc = new CRC32();
        crc.update(job.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % BUCKETS);
    }

    public int firstBucket() {
        return index * BUCKETS / count;
    }

    /** The first bucket after this shard's. */
    public int endBucket() {
        return (index + 1) * BUCKETS / count;
    }

    public boolean contains(JobId job) {
        return contains(job.value());
    }

    public boolean contains(String job) {
        int bucket = bucket(job);
        return bucket >= firstBucket() && bucket < endBucket();
    }

    /** As events carry it: {@code {"index": i, "count": n}}. */
    public Map<String, Object> fields() {
        return Map.of("index", index, "count", count);
    }

    @Override
    public String toString() {
        return "shard " + (index + 1) + " of " + count;
    }
}
