package io.autowatch.aws.dynamodb;

import io.autowatch.health.Bands;
import io.autowatch.health.CheckResult;
import io.autowatch.health.CheckResult.Checked;
import io.autowatch.health.CheckResult.Failed;
import io.autowatch.health.StoredResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A check result as a health-table item {@code RESULT#job / day}, and back: the one place that knows its attributes. */
final class ResultItems {

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
                item.put("window", number(c.settings().window()));
                item.put("sigmas", AttributeValue.fromN(c.settings().sigmas().toPlainString()));
                item.put("percent", AttributeValue.fromN(c.settings().percent().toPlainString()));
                item.put("minHistory", number(c.settings().minHistory()));
                c.assessment().bands().ifPresent(b -> putBands(item, b));
            }
            case Failed f -> {
                item.put("status", AttributeValue.fromS("FAILED"));
                item.put("error", AttributeValue.fromS(f.reason()));
            }
        }
        return item;
    }

    private static void putBands(Map<String, AttributeValue> item, Bands b) {
        item.put("mean", number(b.mean()));
        item.put("sigma", number(b.sigma()));
        item.put("sigmaLow", number(b.sigmaLow()));
        item.put("sigmaHigh", number(b.sigmaHigh()));
        item.put("percentLow", number(b.percentLow()));
        item.put("percentHigh", number(b.percentHigh()));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue number(double value) {
        return AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString());
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
                decimal(item, "percentHigh"));
    }

    private static Optional<Double> decimal(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(v -> Double.parseDouble(v.n()));
    }
}
