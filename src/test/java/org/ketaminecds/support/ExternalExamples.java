package org.ketaminecds.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party CDS Hooks and FHIR examples the tests read: specification examples, hook contexts, Da Vinci CRD and
 * Inferno exchanges, requirement lists, FHIR R4 examples and Synthea patients. They are copied verbatim into the
 * repository under {@code src/test/resources/external/cds-hooks/}; {@code src/test/resources/external/SOURCES.md}
 * gives each file's origin and licence. Paths are relative to the project directory (Maven's working directory for
 * tests), as {@code rules/} and {@code fhir-samples/} are, so no test reads a file outside the repository.
 */
public final class ExternalExamples {
    /** The folder holding the examples, one sub-folder per source. */
    public static final Path ROOT = Path.of("src", "test", "resources", "external", "cds-hooks");

    private ExternalExamples() {
    }

    /**
     * An example file or folder, for example {@code path("cds-hooks-2.0.1-spec/example-jwt.txt")}.
     *
     * @throws IllegalArgumentException when it lies outside the examples or does not exist
     */
    public static Path path(String relative) {
        Path path = ROOT.resolve(relative).normalize();
        if (!path.startsWith(ROOT) || !Files.exists(path)) {
            throw new IllegalArgumentException("no external example " + relative + " under " + ROOT);
        }
        return path;
    }
}
