package org.ketaminecds;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.ConstructorCallTarget;
import com.tngtech.archunit.core.domain.AccessTarget.ConstructorReferenceTarget;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of STYLE.md, enforced. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ketaminecds");
    }

    /** Each top-level package is a module; a cycle between two of them (even through a third) fails the build. */
    @Test
    void modules_depend_on_each_other_one_way_only() {
        slices().matching("org.ketaminecds.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_shared_package_depends_on_no_feature_module() {
        noClasses().that().resideInAPackage("org.ketaminecds.common..").should().dependOnClassesThat()
                .resideInAnyPackage("org.ketaminecds.audit..", "org.ketaminecds.cdshooks..", "org.ketaminecds.cli..",
                        "org.ketaminecds.facts..", "org.ketaminecds.fhir..", "org.ketaminecds.rules..",
                        "org.ketaminecds.security..", "org.ketaminecds.terminology..")
                .check(classes);
    }

    /**
     * The commands get every object of another module from the application context, the server's wiring: a module
     * that gains a constructor parameter then still works on the command line (a {@code new} here would compile and
     * break only the CLI). Constructor references ({@code Type::new}) count too.
     */
    @Test
    void the_command_line_constructs_nothing_of_another_module() {
        noClasses().that().resideInAPackage("org.ketaminecds.cli..").should().accessTargetWhere(
                DescribedPredicate.describe("a constructor of another org.ketaminecds module", access -> {
                    boolean constructor = access.getTarget() instanceof ConstructorCallTarget
                            || access.getTarget() instanceof ConstructorReferenceTarget;
                    String module = access.getTargetOwner().getPackageName();
                    return constructor && module.startsWith("org.ketaminecds.") && !module.startsWith("org.ketaminecds.cli");
                }))
                .check(classes);
    }

    @Test
    void the_fact_model_knows_no_framework() {
        noClasses().that().resideInAPackage("..facts..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "ca.uhn..", "org.hl7..", "tools.jackson..",
                        "com.fasterxml..", "org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void rules_and_terminology_never_see_fhir_resources() {
        noClasses().that().resideInAnyPackage("..rules..", "..terminology..").should().dependOnClassesThat()
                .resideInAnyPackage("ca.uhn..", "org.hl7..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void terminology_is_plain_java() {
        noClasses().that().resideInAPackage("..terminology..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void only_the_fhir_module_reads_clinical_fhir_resources() {
        noClasses().that().resideOutsideOfPackages("..fhir..", "..cdshooks..", "..audit..")
                .should().dependOnClassesThat().resideInAPackage("org.hl7.fhir.r4.model..")
                .check(classes);
    }

    @Test
    void no_code_updates_or_deletes_audit_rows() throws java.io.IOException {
        java.util.regex.Pattern sql = java.util.regex.Pattern.compile(
                "(?i)\\b(update\\s+\\w*(decision|audit|feedback)\\w*\\s+set|delete\\s+from|truncate\\s+table)");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main"))) {
            for (var file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String text = java.nio.file.Files.readString(file);
                org.assertj.core.api.Assertions.assertThat(sql.matcher(text).find()).as(file.toString()).isFalse();
            }
        }
    }
}
