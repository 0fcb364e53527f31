package io.autowatch.healthcheck.run;

import io.autowatch.healthcheck.Shard;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How many shards a run needs: one per {@link #JOBS_PER_SHARD} jobs, so that every worker stays small and quick
 * whatever the deployment's size, and a deployment of 50 jobs runs as one shard. Pure.
 */
public final class ShardPlan {

    /**
     * Jobs one worker checks. Measured with the packaged function (README, Benchmarks): a shard of this many jobs ×
     * 43 days peaks far below 1.5 GB and takes well under two minutes.
     */
    public static final int JOBS_PER_SHARD = 20_000;

    private ShardPlan() {}

    /** The shards for {@code jobs} jobs, {@code perShard} to a shard (at most {@value Shard#BUCKETS} shards). */
    public static List<Shard> of(long jobs, int perShard) {
        if (jobs < 0 || perShard < 1) {
            throw new IllegalArgumentException("jobs " + jobs + " and jobs per shard " + perShard);
        }
        int count = Math.clamp((jobs + perShard - 1) / perShard, 1, Shard.BUCKETS);
        return IntStream.range(0, count).mapToObj(i -> new Shard(i, count)).toList();
    }

    public static List<Shard> of(long jobs) {
        return of(jobs, JOBS_PER_SHARD);
    }
}
