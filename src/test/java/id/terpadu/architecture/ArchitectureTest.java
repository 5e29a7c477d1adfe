package id.terpadu.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering, checked on the compiled classes (no Quarkus boot). {@code common} is the ground floor: the features
 * build on it and it knows none of them, and no two packages depend on each other, even through others. A resource is a thin edge over its service and never calls another
 * resource; an entity never knows the records the API reads and writes. Services and resources reach the database
 * only through repositories (and the infrastructure of {@code common}), never through an EntityManager or a
 * DataSource of their own.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void read() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.terpadu");
    }

    private static final DescribedPredicate<JavaClass> FEATURE = DescribedPredicate.describe(
            "a feature package",
            c -> c.getPackageName().startsWith("id.terpadu.")
                    && !c.getPackageName().startsWith("id.terpadu.common"));

    @Test
    void commonKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("id.terpadu.common..")
                .should()
                .dependOnClassesThat(FEATURE)
                .because("common is the ground floor every feature builds on")
                .check(classes);
    }

    @Test
    void aResourceCallsNoOtherResource() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "another resource",
                        c -> c.getSimpleName().endsWith("Resource")
                                && !c.getPackageName().startsWith("jakarta")))
                .allowEmptyShould(false)
                .because("a resource is a thin edge over its service; shared work lives in the service")
                .check(classes);
    }

    @Test
    void anEntityKnowsNoDto() {
        noClasses()
                .that()
                .areAnnotatedWith(jakarta.persistence.Entity.class)
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "an API record (a *Dtos type)", c -> c.getName().contains("Dtos")))
                .because("entities are the database's shape; the API's records are built from them by the services")
                .check(classes);
    }

    @Test
    void servicesAndResourcesQueryThroughRepositories() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Service")
                .or()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("javax.sql.DataSource")
                .allowEmptyShould(false)
                .because(
                        "an aggregate's queries live in its repository; plain JDBC stays in the few classes that say why")
                .check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("id.terpadu.(*)..")
                .should()
                .beFreeOfCycles()
                .because("a feature builds on common and on the features below it, never on one that builds on it")
                .check(classes);
    }
}
