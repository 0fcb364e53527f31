package io.autowatch.aws.dynamodb;

import io.autowatch.healthcheck.settings.SettingsBook;
import io.autowatch.healthcheck.settings.SettingsOverride;
import io.autowatch.healthcheck.settings.SettingsSource;
import io.autowatch.log.Log;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Reads the settings overrides: every item of partition {@code SETTINGS} in the health table. */
public final class DynamoDbSettingsSource implements SettingsSource {

    private static final Log LOG = Log.of(DynamoDbSettingsSource.class);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSettingsSource(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public SettingsBook load() {
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", HealthKeys.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(HealthKeys.SETTINGS)))
                .consistentRead(true)
                .build();
        List<SettingsOverride> overrides = new ArrayList<>();
        try {
            for (QueryResponse page : dynamoDb.queryPaginator(request)) {
                for (Map<String, AttributeValue> item : page.items()) {
                    String key = item.get(HealthKeys.SK).s();
                    try {
                        overrides.add(SettingsItems.parse(key, plain(item)));
                    } catch (IllegalArgumentException e) {
                        LOG.error("settings_item_ignored", "table", table, "key", key, "reason", e.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "reading settings", e);
        }
        return new SettingsBook(overrides);
    }

    /** Attribute values as Java values: String, BigDecimal, Boolean, or a description of anything else. */
    private static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> values = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (name.equals(HealthKeys.PK) || name.equals(HealthKeys.SK)) {
                return;
            }
            values.put(
                    name,
                    switch (value.type()) {
                        case S -> value.s();
                        case N -> new BigDecimal(value.n());
                        case BOOL -> value.bool();
                        case SS -> value.ss();
                        case L ->
                            value.l().stream()
                                    .map(v -> v.s() != null
                                            ? (Object) v.s()
                                            : new SettingsItems.Unsupported(
                                                    v.type().toString()))
                                    .toList();
                        default -> new SettingsItems.Unsupported(value.type().toString());
                    });
        });
        return values;
    }
}
