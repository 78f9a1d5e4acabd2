package dev.postmortem.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The core is the product's rules and nothing else: no JSON library, no SQL, no web or DI
 * framework. Adapters translate; the core never knows them.
 */
class CoreArchitectureTest {

    static final String[] FORBIDDEN = {
        "com.fasterxml.jackson..", "tools.jackson..", "org.jdbi..", "java.sql..", "javax.sql..",
        "io.javalin..", "org.eclipse.jetty..", "org.springframework..", "jakarta.servlet..", "javax.servlet..",
        "org.h2..", "org.postgresql..", "org.flywaydb..",
    };

    static final ArchRule CORE_IS_FRAMEWORK_FREE = noClasses().that().resideInAPackage("dev.postmortem.core..")
            .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN)
            .because("core holds the rules; storage, HTTP and wiring live in adapters");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.postmortem.core.(*)..").should().beFreeOfCycles();

    static final ArchRule MODEL_KNOWS_NO_USE_CASES = noClasses().that()
            .resideInAnyPackage("dev.postmortem.core.model..", "dev.postmortem.core.workflow..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.postmortem.core.postmortem..",
                    "dev.postmortem.core.port..", "dev.postmortem.core.export..", "dev.postmortem.core.template..")
            .because("the aggregate and its workflow are the innermost layer");

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.postmortem.core");

    @Test
    void coreDependsOnNoFramework() {
        assertThat(CORE).as("classes imported").hasSizeGreaterThan(30);
        CORE_IS_FRAMEWORK_FREE.check(CORE);
    }

    @Test
    void corePackagesHaveNoCycles() {
        NO_PACKAGE_CYCLES.check(CORE);
    }

    @Test
    void theModelIsTheInnermostLayer() {
        MODEL_KNOWS_NO_USE_CASES.check(CORE);
    }

    @Test
    void theFrameworkRuleCatchesAForbiddenImport() {
        JavaClasses offender = new ClassFileImporter().importClasses(ForbiddenJdbcUse.class);

        EvaluationResult result = CORE_IS_FRAMEWORK_FREE.evaluate(offender);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains("java.sql"));
    }
}
