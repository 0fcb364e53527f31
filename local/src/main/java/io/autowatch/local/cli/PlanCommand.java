package io.autowatch.local.cli;

import io.autowatch.avro.AvroSchemaReader;
import io.autowatch.avro.SchemaFolder;
import io.autowatch.local.runtime.LocalSchemaSync;
import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.monitor.MonitorStore;
import io.autowatch.schemasync.MonitorSync;
import io.autowatch.schemasync.SyncSettings;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.report.StatusComment;
import io.autowatch.schemasync.report.SyncResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@picocli.CommandLine.Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Plan the Datadog monitors that a folder of schemas asks for: exactly the plan a pull request's "
                + "`esm plan` shows. Exit code 1 when a schema has errors. With DD_API_KEY and DD_APP_KEY it compares "
                + "with Datadog; without, every monitor shows as a creation.")
final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "folder of schemas (paths in the plan are relative to it)")
    Path folder;

    @Option(
            names = "--glob",
            defaultValue = SyncSettings.DEFAULT_GLOB,
            description = "which files are schemas (default ${DEFAULT-VALUE})")
    String glob;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(folder)) {
            System.err.println("autowatch plan: " + folder + " does not exist; give the folder that holds the schemas");
            return 2;
        }
        if (!Files.isDirectory(folder)) {
            System.err.println("autowatch plan: " + folder + " is a file, not a folder; give the folder that holds the "
                    + "schemas (paths in the plan are relative to it), e.g. "
                    + Optional.ofNullable(folder.getParent())
                            .map(Path::toString)
                            .orElse("."));
            return 2;
        }
        Map<String, String> env = System.getenv();
        Optional<String[]> keys = LocalSchemaSync.datadogKeys(env);
        SyncSettings settings = new SyncSettings(SyncSettings.defaults().monitors(), glob, Set.of(), false);
        Planned planned = plan(
                folder,
                settings,
                LocalSchemaSync.store(
                        keys,
                        env.getOrDefault("DD_SITE", "datadoghq.com"),
                        Optional.ofNullable(env.get("DATADOG_API_URL"))));
        System.out.println(planned.text());
        if (planned.files() == 0) {
            System.err.println(
                    "autowatch plan: no file in " + folder + " matches " + glob + "; check the folder and --glob");
        }
        if (keys.isEmpty()) {
            System.out.println("\n(No DD_API_KEY/DD_APP_KEY: the plan is against no existing monitors.)");
        }
        return planned.result().failed() ? 1 : 0;
    }

    record Planned(SyncResult result, String text, int files) {}

    static Planned plan(Path folder, SyncSettings settings, MonitorStore store) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        List<String> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(settings::isSchema)
                    .sorted()
                    .toList();
        }
        Set<String> scope = new LinkedHashSet<>();
        paths.forEach(p -> {
            scope.add(MonitorRenderer.schemaTag(p));
            scope.add(MonitorRenderer.legacySchemaTag(p));
        });
        MonitorSync.Planned planned =
                new MonitorSync(new AvroSchemaReader(), store, settings).plan(new SchemaFolder(root), paths, scope);
        SyncResult result = new SyncResult(
                Command.PLAN,
                folder.toString(),
                0,
                "",
                System.getProperty("user.name", "you"),
                planned.plan(),
                List.of(),
                planned.errors(),
                planned.failure(),
                Optional.empty());
        String text = StatusComment.render(result).replace(StatusComment.MARKER + "\n", "") + "\n"
                + StatusComment.summary(result) + " (" + paths.size()
                + (paths.size() == 1 ? " schema file)" : " schema files)");
        return new Planned(result, text, paths.size());
    }
}
