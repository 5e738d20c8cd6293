package org.ketaminecds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md's short ban list, checked on every build: no console output or printed stack traces (the CLI writes to
 * a PrintStream the entry point gives it), no field injection, no Utils/Helper classes. And the build, tests and
 * service read no file outside the repository: no code or configuration points into the {@code shared} folder beside
 * the project on the development machines, which a clone does not have (the test data is copied into
 * {@code src/test/resources/external/}).
 */
class CodeHygieneTest {
    static final Pattern CONSOLE = Pattern.compile("System\\.(out|err)\\.print|printStackTrace\\(");
    static final Pattern FIELD_INJECTION = Pattern.compile("@Autowired\\s+(private|protected|public)?\\s*[\\w<>, ]+\\s+\\w+\\s*;");
    /** A relative or absolute path into the {@code shared} folder beside the project (spelt not to match itself). */
    static final Pattern OUTSIDE_THE_REPOSITORY = Pattern.compile("(\\.\\.|/work)/shared");
    static final List<Path> BUILD_INPUTS = List.of(Path.of("src"), Path.of("pom.xml"), Path.of(".ci"),
            Path.of("rules"), Path.of("fhir-samples"));
    /** Code and configuration: Java, DRL, YAML, XML, properties and shell scripts; every file of {@code .ci/} too. */
    static final Pattern CODE_OR_CONFIGURATION = Pattern.compile(".*\\.(java|drl|ya?ml|xml|properties|sh)");

    @Test
    void main_code_neither_prints_to_the_console_nor_prints_stack_traces() throws IOException {
        // The command-line entry point hands System.out/err to the CLI as PrintStreams; nothing else may print.
        assertThat(offenders(CONSOLE, p -> !p.toString().contains("/cli/")
                && !p.getFileName().toString().equals("KetamineCdsApplication.java"))).isEmpty();
    }

    @Test
    void main_code_uses_constructor_injection_only() throws IOException {
        assertThat(offenders(FIELD_INJECTION, p -> true)).isEmpty();
    }

    @Test
    void there_are_no_utils_or_helper_classes() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            assertThat(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("Utils.java") || n.endsWith("Helper.java") || n.endsWith("Util.java")))
                    .isEmpty();
        }
    }

    @Test
    void no_code_or_configuration_points_at_a_file_outside_the_repository() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path input : BUILD_INPUTS) {
            try (Stream<Path> files = Files.walk(input)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> input.equals(Path.of(".ci"))
                                || CODE_OR_CONFIGURATION.matcher(f.getFileName().toString()).matches()).toList()) {
                    if (OUTSIDE_THE_REPOSITORY.matcher(Files.readString(file)).find()) {
                        offenders.add(file.toString());
                    }
                }
            }
        }
        assertThat(offenders).as("files that read the shared folder outside the repository").isEmpty();
    }

    private static List<String> offenders(Pattern pattern, java.util.function.Predicate<Path> applies)
            throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).filter(applies).toList()) {
                if (pattern.matcher(Files.readString(file)).find()) {
                    offenders.add(file.toString());
                }
            }
        }
        return offenders;
    }
}
