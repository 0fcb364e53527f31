package io.autowatch.local;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Every package of the deployed code and of the local runtime, read from this module's classpath (which holds all
 * of them): none depends, through any chain, on a package that depends back on it. Core's finer rules are core's
 * {@code PackageStructureTest}; modules cannot form cycles at all (Maven refuses them).
 */
class PackageCyclesTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.autowatch");

    @Test
    void noPackageOfAnyModule_isPartOfACycle() {
        assertThat(ALL.stream().map(c -> c.getPackageName()).distinct())
                .contains(
                        "io.autowatch.local.cli",
                        "io.autowatch.local.runtime",
                        "io.autowatch.functions.healthcheck",
                        "io.autowatch.aws.dynamodb",
                        "io.autowatch.healthcheck.run");
        slices().matching("io.autowatch.(**)").should().beFreeOfCycles().check(ALL);
    }
}
