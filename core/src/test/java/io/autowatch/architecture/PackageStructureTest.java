package io.autowatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Core's packages form a tree a newcomer can read from the bottom up: no package depends, through any chain, on a
 * package that depends back on it. (That core uses no AWS SDK, HTTP client, Datadog client or Avro is the
 * enforcer's rule in core's pom.)
 */
class PackageStructureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.autowatch");

    @Test
    void corePackages_haveNoCycles() {
        slices().matching("io.autowatch.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void healthCheckPortsAndValues_dependOnNoneOfTheirFeaturePackages() {
        noClasses()
                .that()
                .resideInAPackage("io.autowatch.healthcheck")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.autowatch.healthcheck.run..", "io.autowatch.healthcheck.view..")
                .check(CORE);
    }

    @Test
    void policies_dependOnlyOnTheSharedValues_notOnTheRunOrEachOther() {
        noClasses()
                .that()
                .resideInAnyPackage("io.autowatch.healthcheck.judge.classic..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.autowatch.healthcheck.judge.adaptive..",
                        "io.autowatch.healthcheck.run..",
                        "io.autowatch.healthcheck.settings..")
                .check(CORE);
        noClasses()
                .that()
                .resideInAnyPackage("io.autowatch.healthcheck.judge.adaptive..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.autowatch.healthcheck.judge.classic..",
                        "io.autowatch.healthcheck.run..",
                        "io.autowatch.healthcheck.settings..")
                .check(CORE);
    }

    @Test
    void theWebhooksIntake_needsNothingOfTheWorker() {
        noClasses()
                .that()
                .resideInAPackage("io.autowatch.schemasync.intake..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.autowatch.schemasync", "io.autowatch.schemasync.report..", "io.autowatch.monitor..")
                .check(CORE);
    }
}
