package io.autowatch.schemasync;

import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.schemasync.PullRequests.ChangedFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a pull request's command looks at: the schema files to read at its head, and the schema tags whose existing
 * monitors it may change (its files, plus the old paths of removed and renamed ones; each file's exact tag and its
 * pre-0.2.0 tag, which only finds monitors to move, never deletes). Pure.
 */
public record SyncScope(List<String> headPaths, List<String> basePaths, Set<String> scopeTags) {

    public SyncScope {
        headPaths = List.copyOf(headPaths);
        basePaths = List.copyOf(basePaths);
        scopeTags = Set.copyOf(new LinkedHashSet<>(scopeTags));
    }

    public static SyncScope of(List<ChangedFile> changedFiles, SyncSettings settings) {
        Set<String> scopeTags = new LinkedHashSet<>();
        List<String> headPaths = new ArrayList<>();
        List<String> basePaths = new ArrayList<>();
        for (ChangedFile file : changedFiles) {
            // Where the file was before the change: its old path when renamed; nowhere when added or copied.
            String before = file.previousPath()
                    .filter(p -> file.status().equals("renamed"))
                    .orElse(file.path());
            if (!file.status().equals("added") && !file.status().equals("copied") && settings.isSchema(before)) {
                basePaths.add(before);
            }
            if (settings.isSchema(file.path())) {
                scopeTags.add(MonitorRenderer.schemaTag(file.path()));
                scopeTags.add(MonitorRenderer.legacySchemaTag(file.path()));
                if (!file.removed()) {
                    headPaths.add(file.path());
                }
            }
            // A renamed file's monitors were tagged with its old path: finding them there lets them move or go.
            file.previousPath()
                    .filter(settings::isSchema)
                    .ifPresent(old -> scopeTags.add(MonitorRenderer.schemaTag(old)));
        }
        return new SyncScope(headPaths, basePaths, scopeTags);
    }
}
