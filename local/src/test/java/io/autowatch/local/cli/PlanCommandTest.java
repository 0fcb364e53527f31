package io.autowatch.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.avro.AvroIdlParser;
import io.autowatch.local.runtime.LocalSchemaSync;
import io.autowatch.monitor.MonitorAnnotations;
import io.autowatch.monitor.MonitorPlanner;
import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.monitor.MonitorSettings;
import io.autowatch.monitor.Plan;
import io.autowatch.schemasync.SyncSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    @TempDir
    Path folder;

    private void write(String path, String text) throws Exception {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void plan_ofTheShippedExample_isTheAnnotationReferencesThreeMonitors() throws Exception {
        Path examples = Path.of("..", "examples", "schemas");

        var planned = PlanCommand.plan(
                examples,
                SyncSettings.defaults(),
                LocalSchemaSync.store(Optional.empty(), "datadoghq.com", Optional.empty()));

        assertThat(planned.result().failed()).isFalse();
        assertThat(planned.text())
                .contains("| `Traffic Anomaly with AddToCartEvent` | create |")
                .contains("| `Low Volume with CheckoutEvent` | create |")
                .contains("| `Error Rate with CheckoutEvent` | create |")
                .contains("plan: 3 to create, 0 to update, 0 to delete, 0 unchanged (1 schema file)");
    }

    @Test
    void plan_ofAFolder_isThePlannersPlan_andExitsZero() throws Exception {
        write("cart/cart.avdl", """
                @namespace("com.shop") protocol Cart {
                  import idl "../common/money.avdl";
                  @monitors([{"type": "traffic_anomaly"}, {"type": "low_volume", "threshold": 10}])
                  record AddToCartEvent { string sku; Money price; }
                }
                """);
        write("common/money.avdl", "@namespace(\"com.shop\") protocol M { record Money { long cents; } }");
        write("README.md", "not a schema");

        var planned = PlanCommand.plan(
                folder,
                SyncSettings.defaults(),
                LocalSchemaSync.store(Optional.empty(), "datadoghq.com", Optional.empty()));

        var read = (AvroIdlParser.Read) AvroIdlParser.read(folder, "cart/cart.avdl");
        var record = read.records().getFirst();
        var expected = MonitorPlanner.plan(
                MonitorAnnotations.parse(record, MonitorSettings.defaults()).monitors().stream()
                        .map(spec -> MonitorRenderer.render(record, spec, MonitorSettings.defaults()))
                        .toList(),
                List.of(),
                Set.of(),
                "esm-prod");
        assertThat(planned.result().plan()).contains(expected);
        assertThat(planned.result().failed()).isFalse();
        assertThat(planned.text())
                .contains("| `Low Volume with AddToCartEvent` | create |")
                .contains("| `Traffic Anomaly with AddToCartEvent` | create |")
                .contains("plan: 2 to create, 0 to update, 0 to delete, 0 unchanged (2 schema files)");
        assertThat(expected.count(Plan.Create.class)).isEqualTo(2);
    }

    @Test
    void plan_withSchemaErrors_failsAndNamesFileAndLine() throws Exception {
        write("bad.avdl", "protocol P {\n  @monitor({\"type\": \"low_volume\"})\n  record E { string x; }\n}\n");
        var planned = PlanCommand.plan(
                folder,
                SyncSettings.defaults(),
                LocalSchemaSync.store(Optional.empty(), "datadoghq.com", Optional.empty()));
        assertThat(planned.result().failed()).isTrue();
        assertThat(planned.text()).contains("`bad.avdl:2`").contains("'threshold' is required");
    }
}
