package dev.postmortem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.HasDescription;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Jackson 2 reaches a host's compile classpath with postmortem-http and postmortem-jdbc (Maven
 * has no scope for "needed to compile this module, not its users"), but no type a host can touch
 * names it: no public or protected method, constructor or field of a public class, nor a
 * supertype of one. So a host never needs Jackson for our API, and we can change or drop it.
 */
class JacksonIsNoPartOfTheApiTest {

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.postmortem");

    @Test
    void noPublicSignatureNamesJackson() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass type : LIBRARY) {
            if (!type.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            Stream.concat(type.getRawSuperclass().stream(), type.getRawInterfaces().stream())
                    .filter(JacksonIsNoPartOfTheApiTest::isJackson)
                    .forEach(supertype -> leaks.add(type.getName() + " extends " + supertype.getName()));
            for (JavaCodeUnit member : type.getCodeUnits()) {
                if (visible(member.getModifiers())) {
                    Stream.concat(Stream.of(member.getRawReturnType()), member.getRawParameterTypes().stream())
                            .filter(JacksonIsNoPartOfTheApiTest::isJackson)
                            .forEach(named -> leaks.add(describe(member) + " names " + named.getName()));
                }
            }
            for (JavaField field : type.getFields()) {
                if (visible(field.getModifiers()) && isJackson(field.getRawType())) {
                    leaks.add(describe(field) + " names " + field.getRawType().getName());
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(LIBRARY.contain("dev.postmortem.http.PostMortemHttpApi")).as("the library was imported").isTrue();
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean isJackson(JavaClass type) {
        return type.getPackageName().startsWith("com.fasterxml.jackson");
    }

    private static String describe(HasDescription member) {
        return member.getDescription();
    }
}
