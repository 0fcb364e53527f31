package io.autowatch.healthcheck.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.healthcheck.settings.SettingsBook;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JudgedSlicesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Instant EVENT = Instant.parse("2026-11-21T00:30:00Z");

    private final ExecutorService executor = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static JobCheck jobCheck() {
        return new JobCheck(Policies.standard(), SettingsBook.defaultsOnly(), CheckRequest.scheduled(EVENT), EVENT);
    }

    private static Map.Entry<JobId, CountSeries> job(String id) {
        CountSeries series = CountSeries.covering(DAY.minusDays(42), 43);
        for (int i = 0; i <= 42; i++) {
            series.put(DAY.minusDays(i), 1000 + i % 4);
        }
        return Map.entry(JobId.of(id), series);
    }

    @Test
    void all_givesEveryJobsResultByJob_andEachSliceIsReadyOnItsOwn() {
        List<Map.Entry<JobId, CountSeries>> jobs = new ArrayList<>();
        for (int i = JudgedSlices.JOBS_PER_SLICE * 2 + 3; i > 0; i--) {
            jobs.add(job("j%04d".formatted(i)));
        }

        JudgedSlices slices = JudgedSlices.start(executor, jobCheck(), jobs, Map.of());

        assertThat(slices.size()).isEqualTo(3);
        assertThat(slices.slice(0)).hasValueSatisfying(s -> assertThat(s).hasSize(JudgedSlices.JOBS_PER_SLICE));
        assertThat(slices.slice(2)).hasValueSatisfying(s -> assertThat(s).hasSize(3));
        assertThat(slices.all())
                .hasSize(jobs.size())
                .extracting(r -> r.job().value())
                .isSorted();
    }

    @Test
    void all_whenJudgingASliceFails_throwsThatFailure_andTheOtherSlicesStillComplete() {
        List<Map.Entry<JobId, CountSeries>> jobs = new ArrayList<>();
        for (int i = 0; i < JudgedSlices.JOBS_PER_SLICE * 3; i++) {
            jobs.add(job("j%04d".formatted(i)));
        }
        // A job without a series is a bug, not a job's problem: it fails its slice.
        jobs.set(JudgedSlices.JOBS_PER_SLICE + 1, new AbstractMap.SimpleEntry<>(JobId.of("broken"), null));

        JudgedSlices slices = JudgedSlices.start(executor, jobCheck(), jobs, Map.of());

        assertThat(slices.slice(1)).as("the failed slice").isEmpty();
        assertThat(slices.slice(0)).isPresent();
        assertThat(slices.slice(2)).isPresent();
        assertThatThrownBy(slices::all).isInstanceOf(NullPointerException.class);
    }

    @Test
    void jobsAddedWhileTheSlicesAreConsumed_areHandedOverInOrder_untilClosed() throws Exception {
        JudgedSlices slices = JudgedSlices.open(executor);
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        var consumer = CompletableFuture.runAsync(() -> slices.forEachJudged(s -> sizes.add(s.size())));

        slices.add(jobCheck(), jobs("a", JudgedSlices.JOBS_PER_SLICE + 7), Map.of());
        assertThat(slices.slice(1)).hasValueSatisfying(s -> assertThat(s).hasSize(7));
        assertThat(consumer).as("waits for more until the slices are closed").isNotDone();
        slices.add(jobCheck(), jobs("b", 3), Map.of());
        slices.close();

        consumer.get(10, TimeUnit.SECONDS);
        assertThat(sizes).containsExactly(JudgedSlices.JOBS_PER_SLICE, 7, 3);
        assertThat(slices.all()).hasSize(JudgedSlices.JOBS_PER_SLICE + 10);
        assertThatThrownBy(() -> slices.add(jobCheck(), jobs("c", 1), Map.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    private static List<Map.Entry<JobId, CountSeries>> jobs(String prefix, int count) {
        List<Map.Entry<JobId, CountSeries>> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(job(prefix + "%04d".formatted(i)));
        }
        return jobs;
    }
}
