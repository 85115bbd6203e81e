package org.xenproject.supportstatus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rule of docs/architecture.md, checked on the service's compiled classes. */
class PackageRulesTest {

    private static final String ROOT = "org.xenproject.supportstatus";

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void noPackageDependsOnAPackageThatDependsOnIt() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void dataFlowsOneWayThroughTheTableOfPackages() {
        layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage(ROOT + "..")
                .layer("supportmd")
                .definedBy(ROOT + ".supportmd..")
                .layer("release")
                .definedBy(ROOT + ".release..")
                .layer("digest")
                .definedBy(ROOT + ".digest..")
                .layer("store")
                .definedBy(ROOT + ".store..")
                .layer("imports")
                .definedBy(ROOT + ".imports..")
                .layer("snapshot")
                .definedBy(ROOT + ".snapshot..")
                .layer("web")
                .definedBy(ROOT + ".web..")
                .whereLayer("web")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("snapshot")
                .mayOnlyBeAccessedByLayers("web")
                .whereLayer("imports")
                .mayOnlyBeAccessedByLayers("web")
                .whereLayer("store")
                .mayOnlyBeAccessedByLayers("imports", "snapshot", "web")
                .whereLayer("digest")
                .mayOnlyBeAccessedByLayers("imports", "web")
                .whereLayer("release")
                .mayOnlyBeAccessedByLayers("store", "imports", "snapshot", "web")
                .whereLayer("supportmd")
                .mayOnlyBeAccessedByLayers("store", "imports", "snapshot", "web")
                .check(SERVICE);
    }

    @Test
    void onlyTheStoreTalksToTheDatabase() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.persistence..",
                        "org.springframework.data..",
                        "org.springframework.jdbc..",
                        "org.springframework.orm..",
                        "org.hibernate..",
                        "org.flywaydb..",
                        "org.postgresql..",
                        "java.sql..",
                        "javax.sql..")
                .check(SERVICE);
    }

    @Test
    void theReadersArePlainJava() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        ROOT + ".supportmd..", ROOT + ".advisory..", ROOT + ".release..", ROOT + ".digest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "org.hibernate..", "tools.jackson..")
                .check(SERVICE);
    }
}
