package dev.postmortem.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The neutral layer knows no web framework and no storage: that is what lets the Javalin and
 * the Spring bindings answer byte for byte the same, and a Spring host run without Jetty.
 */
class HttpArchitectureTest {

    private static final JavaClasses HTTP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.postmortem.http");

    @Test
    void theNeutralLayerDependsOnNoFrameworkOrStorage() {
        noClasses().that().resideInAPackage("dev.postmortem.http")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..",
                        "jakarta.servlet..", "org.springframework..", "org.jdbi..", "java.sql..", "dev.postmortem.jdbc..")
                .check(HTTP);
    }

    @Test
    void onlyTheMicrometerBindingKnowsMicrometer() {
        noClasses().that().resideOutsideOfPackage("dev.postmortem.http.micrometer..")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(HTTP);
    }

    @Test
    void onlyTheJavalinBindingKnowsJavalin() {
        noClasses().that().resideOutsideOfPackage("dev.postmortem.http.javalin..")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(HTTP);
    }
}
