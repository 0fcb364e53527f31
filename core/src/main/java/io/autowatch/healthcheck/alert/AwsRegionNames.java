package io.autowatch.healthcheck.alert;

import java.util.Map;

/**
 * The long region names CloudWatch writes into an alarm notification's {@code Region} field ("US East (N.
 * Virginia)", "EU (Ireland)"). AWS does not document the list; these follow the names seen in real notifications,
 * which keep the older "EU (…)" style. A region not listed is written as its code, which is what the ARN holds too.
 */
final class AwsRegionNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("us-east-1", "US East (N. Virginia)"),
            Map.entry("us-east-2", "US East (Ohio)"),
            Map.entry("us-west-1", "US West (N. California)"),
            Map.entry("us-west-2", "US West (Oregon)"),
            Map.entry("ca-central-1", "Canada (Central)"),
            Map.entry("sa-east-1", "South America (Sao Paulo)"),
            Map.entry("eu-west-1", "EU (Ireland)"),
            Map.entry("eu-west-2", "EU (London)"),
            Map.entry("eu-west-3", "EU (Paris)"),
            Map.entry("eu-central-1", "EU (Frankfurt)"),
            Map.entry("eu-central-2", "EU (Zurich)"),
            Map.entry("eu-north-1", "EU (Stockholm)"),
            Map.entry("eu-south-1", "EU (Milan)"),
            Map.entry("eu-south-2", "EU (Spain)"),
            Map.entry("ap-northeast-1", "Asia Pacific (Tokyo)"),
            Map.entry("ap-northeast-2", "Asia Pacific (Seoul)"),
            Map.entry("ap-northeast-3", "Asia Pacific (Osaka)"),
            Map.entry("ap-southeast-1", "Asia Pacific (Singapore)"),
            Map.entry("ap-southeast-2", "Asia Pacific (Sydney)"),
            Map.entry("ap-south-1", "Asia Pacific (Mumbai)"),
            Map.entry("ap-east-1", "Asia Pacific (Hong Kong)"),
            Map.entry("me-south-1", "Middle East (Bahrain)"),
            Map.entry("af-south-1", "Africa (Cape Town)"));

    private AwsRegionNames() {}

    static String of(String region) {
        return NAMES.getOrDefault(region, region);
    }
}
