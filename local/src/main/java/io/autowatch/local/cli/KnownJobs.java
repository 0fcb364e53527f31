package io.autowatch.local.cli;

import io.autowatch.aws.dynamodb.DynamoDbStoredResults;
import io.autowatch.healthcheck.StoredResult;
import io.autowatch.text.NearestWords;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The job ids the check has judged (each job's latest result), so that a command given a mistyped or wrongly cased
 * id says so and names the ids it probably meant, instead of an error about something else.
 */
final class KnownJobs {

    private KnownJobs() {}

    static Set<String> checked(Connection connection) {
        Set<String> jobs = new TreeSet<>();
        for (StoredResult r : new DynamoDbStoredResults(connection.dynamoDb(), connection.healthTable()).latest()) {
            jobs.add(r.job());
        }
        return jobs;
    }

    /** Throws, naming the nearest known ids, unless the check has judged {@code job}. */
    static void require(Connection connection, String job) {
        Set<String> known = checked(connection);
        if (!known.contains(job)) {
            throw new IllegalArgumentException(unknown(job, known, connection));
        }
    }

    /** "no job 'emial/promo/DE' has been checked in …; did you mean email/promo/DE?" */
    static String unknown(String job, Set<String> known, Connection connection) {
        List<String> near = NearestWords.of(job, known, 3);
        return "no job '" + job + "' has been checked in " + connection.description()
                + (near.isEmpty()
                        ? " (" + known.size() + " jobs have been; `./autowatch check` judges the ones with counts)"
                        : "; did you mean " + String.join(" or ", near) + "?");
    }
}
