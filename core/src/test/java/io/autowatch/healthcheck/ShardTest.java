package io.autowatch.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.run.ShardPlan;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void aJobsBucket_isWhatPythonsZlibCrc32Gives() {
        // zlib.crc32(job.encode("utf-8")) % 1024, computed in Python 3.11.
        assertThat(Shard.bucket(JobId.of("email/daily-active/IN"))).isEqualTo(333);
        assertThat(Shard.bucket(JobId.of("a"))).isEqualTo(579);
        assertThat(Shard.bucket(JobId.of("sms/otp/IN"))).isEqualTo(258);
        assertThat(Shard.bucket(JobId.of("e-mail «São Paulo» / weekly #1 ✉ (\"quoted\")")))
                .isEqualTo(246);
    }

    @Test
    void theShardsOfACount_splitTheBucketsEvenly_eachBucketInExactlyOne() {
        for (int count : new int[] {1, 2, 3, 7, 50, 1024}) {
            List<Shard> shards = ShardPlan.of((long) count * ShardPlan.JOBS_PER_SHARD);
            assertThat(shards).hasSize(count);
            int[] owners = new int[Shard.BUCKETS];
            for (Shard s : shards) {
                IntStream.range(s.firstBucket(), s.endBucket()).forEach(b -> owners[b]++);
                assertThat(s.endBucket() - s.firstBucket()).isBetween(Shard.BUCKETS / count, Shard.BUCKETS / count + 1);
            }
            assertThat(owners).containsOnly(1);
        }
    }

    @Test
    void aJob_isInTheOneShardThatHoldsItsBucket() {
        JobId job = JobId.of("email/daily-active/IN"); // bucket 333
        assertThat(IntStream.range(0, 3).filter(i -> new Shard(i, 3).contains(job)))
                .containsExactly(0); // buckets 0–340
        assertThat(new Shard(1, 4).contains(job)).isTrue(); // buckets 256–511
        assertThat(Shard.ALL.contains(job)).isTrue();
    }

    @Test
    void thePlan_isOneShardForASmallDeployment_andOnePerTwentyThousandJobs() {
        assertThat(ShardPlan.of(0)).containsExactly(Shard.ALL);
        assertThat(ShardPlan.of(50)).containsExactly(Shard.ALL);
        assertThat(ShardPlan.of(20_000)).hasSize(1);
        assertThat(ShardPlan.of(20_001)).hasSize(2);
        assertThat(ShardPlan.of(1_000_000)).hasSize(50);
        assertThat(ShardPlan.of(100_000_000)).as("at most one shard per bucket").hasSize(1024);
    }

    @Test
    void aShardOutsideItsCount_isRefused() {
        assertThatThrownBy(() -> new Shard(3, 3)).hasMessageContaining("outside 0 to 2");
        assertThatThrownBy(() -> new Shard(0, 0)).hasMessageContaining("from 1 to 1024");
        assertThatThrownBy(() -> new Shard(0, 2000)).hasMessageContaining("from 1 to 1024");
    }
}
