package io.autowatch.aws.dynamodb;

import io.autowatch.healthcheck.Bands;
import io.autowatch.healthcheck.CheckResult;
import io.autowatch.healthcheck.CheckResult.Checked;
import io.autowatch.healthcheck.CheckResult.Failed;
import io.autowatch.healthcheck.Expectation;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.StoredResult;
import io.autowatch.healthcheck.judge.adaptive.AdaptivePolicy;
import io.autowatch.healthcheck.judge.classic.ClassicPolicy;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A check result as a health-table item {@code RESULT#job / day}, and back: the one place that knows its attributes.
 *
 * <p>Results are read a job's range at a time (the dashboard, the chart), and a query's read units are its items'
 * sizes rounded up to 4 KB, so an item stays well under 1 KB: the expectation's numbers are rounded to what people
 * and charts use, its two texts are capped, and a day judged with an expectation stores that instead of bands.
 */
final class ResultItems {

    /** The longest {@code basis} or {@code explanation} stored, in characters; longer ones end in "…". */
    static final int MAX_TEXT = 300;

    /** Below this, a probability is stored as this: DynamoDB numbers go down to 1e-130, and nobody reads further. */
    static final double MIN_PROBABILITY = 1e-15;

    private static final MathContext EXPECTED_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);
    private static final MathContext PROBABILITY_DIGITS = new MathContext(2, RoundingMode.HALF_EVEN);

    private ResultItems() {}

    static Map<String, AttributeValue> item(CheckResult result) {
        Map<String, AttributeValue> item = new HashMap<>(HealthKeys.result(result.job(), result.day()));
        item.put("job", AttributeValue.fromS(result.job().value()));
        item.put("day", AttributeValue.fromS(result.day().toString()));
        item.put("checkedAt", AttributeValue.fromS(result.checkedAt().toString()));
        switch (result) {
            case Checked c -> {
                item.put("status", AttributeValue.fromS(c.assessment().status().name()));
                item.put("count", number(c.assessment().count()));
                item.put("policy", AttributeValue.fromS(c.assessment().policy()));
                item.put("alerts", AttributeValue.fromBool(c.alerts()));
                item.put("historySize", number(c.assessment().history().size()));
                item.put("minHistory", number(c.settings().minHistory()));
                putPolicySettings(item, c.assessment().policy(), c.settings());
                // A policy that explains its expectation stores that, not bands in classic's terms.
                if (c.assessment().expectation().isPresent()) {
                    putExpectation(item, c.assessment().expectation().get());
                } else {
                    c.assessment().bands().ifPresent(b -> putBands(item, b));
                }
            }
            case Failed f -> {
                item.put("status", AttributeValue.fromS("FAILED"));
                item.put("error", AttributeValue.fromS(f.reason()));
            }
        }
        return item;
    }

    /** The settings the policy that judged the day reads (each policy ignores the other's). */
    private static void putPolicySettings(Map<String, AttributeValue> item, String policy, JobSettings s) {
        switch (policy) {
            case ClassicPolicy.NAME -> {
                item.put("window", number(s.window()));
                item.put("sigmas", AttributeValue.fromN(s.sigmas().toPlainString()));
                item.put("percent", AttributeValue.fromN(s.percent().toPlainString()));
            }
            case AdaptivePolicy.NAME -> {
                item.put(
                        "falseAlarmRate",
                        AttributeValue.fromN(s.falseAlarmRate().toPlainString()));
                item.put("minChange", number(s.minChange()));
                item.put(
                        "minChangePercent",
                        AttributeValue.fromN(s.minChangePercent().toPlainString()));
            }
            default -> {
                // Another policy's settings are not known here; the policy name says which were used.
            }
        }
    }

    private static void putBands(Map<String, AttributeValue> item, Bands b) {
        item.put("mean", number(b.mean()));
        item.put("sigma", number(b.sigma()));
        item.put("sigmaLow", number(b.sigmaLow()));
        item.put("sigmaHigh", number(b.sigmaHigh()));
        item.put("percentLow", number(b.percentLow()));
        item.put("percentHigh", number(b.percentHigh()));
    }

    private static void putExpectation(Map<String, AttributeValue> item, Expectation e) {
        item.put("expected", rounded(e.expected(), EXPECTED_DIGITS));
        item.put("expectedLow", number(e.low()));
        item.put("expectedHigh", number(e.high()));
        item.put("probability", rounded(Math.max(MIN_PROBABILITY, e.probability()), PROBABILITY_DIGITS));
        item.put("verdict", AttributeValue.fromS(e.verdict().name()));
        item.put("basis", AttributeValue.fromS(capped(e.basis())));
        item.put("explanation", AttributeValue.fromS(capped(e.explanation())));
        if (e.lowConfidence()) {
            item.put("lowConfidence", AttributeValue.fromBool(true));
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue number(double value) {
        return AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString());
    }

    private static AttributeValue rounded(double value, MathContext digits) {
        return AttributeValue.fromN(
                new BigDecimal(value).round(digits).stripTrailingZeros().toPlainString());
    }

    /** At most {@link #MAX_TEXT} characters, never splitting a surrogate pair. */
    static String capped(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int end = MAX_TEXT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    static StoredResult read(Map<String, AttributeValue> item) {
        return new StoredResult(
                item.get("job").s(),
                LocalDate.parse(item.get("day").s()),
                item.get("status").s(),
                item.containsKey("count") ? Long.parseLong(item.get("count").n()) : 0,
                decimal(item, "mean"),
                decimal(item, "sigmaLow"),
                decimal(item, "sigmaHigh"),
                decimal(item, "percentLow"),
                decimal(item, "percentHigh"),
                Optional.ofNullable(item.get("policy")).map(AttributeValue::s),
                expectation(item),
                Optional.ofNullable(item.get("alerts"))
                        .map(AttributeValue::bool)
                        .orElse(false));
    }

    /** Present when the item has one; items written before expectations were stored have none. */
    private static Optional<StoredResult.Expected> expectation(Map<String, AttributeValue> item) {
        if (!item.containsKey("expected")) {
            return Optional.empty();
        }
        return Optional.of(new StoredResult.Expected(
                Double.parseDouble(item.get("expected").n()),
                Long.parseLong(item.get("expectedLow").n()),
                Long.parseLong(item.get("expectedHigh").n()),
                Double.parseDouble(item.get("probability").n()),
                item.get("verdict").s(),
                item.get("basis").s(),
                item.get("explanation").s(),
                Optional.ofNullable(item.get("lowConfidence"))
                        .map(AttributeValue::bool)
                        .orElse(false)));
    }

    private static Optional<Double> decimal(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(v -> Double.parseDouble(v.n()));
    }
}
