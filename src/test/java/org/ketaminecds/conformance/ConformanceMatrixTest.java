package org.ketaminecds.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.ExternalExamples;

/**
 * {@code docs/conformance.md} covers every Service SHALL / SHALL NOT / SHOULD row of the CDS Hooks 2.0 requirements
 * list, each with an allowed status, and every test it cites exists (class, and method when named).
 */
class ConformanceMatrixTest {
    static final Path REQUIREMENTS = ExternalExamples.path("conformance/cds-hooks_2.0_requirements.csv");
    static final Path MATRIX = Path.of("docs/conformance.md");
    static final Path TESTS = Path.of("src/test/java");
    static final Set<String> CONFORMANCE = Set.of("SHALL", "SHALL NOT", "SHOULD");
    static final Set<String> STATUSES = Set.of("met", "not applicable", "not met");
    static final Pattern CITED = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:IT|Test))(?:#([a-z_0-9]+))?`");

    @Test
    void every_service_requirement_has_a_row_with_a_status_and_its_proof_or_reason() throws IOException {
        Map<String, String[]> rows = matrixRows();
        List<String> required = serviceRequirements();
        assertThat(required).hasSizeGreaterThan(50);
        for (String id : required) {
            assertThat(rows).as("docs/conformance.md has no row for requirement " + id).containsKey(id);
            String status = rows.get(id)[5].strip();
            String proof = rows.get(id)[6].strip();
            assertThat(STATUSES).as("status of " + id).contains(status);
            assertThat(proof).as("proof or reason of " + id).isNotBlank();
            if (status.equals("met")) {
                assertThat(CITED.matcher(proof).find()).as(id + " is met: it names the test that proves it").isTrue();
            }
        }
    }

    @Test
    void every_cited_test_exists() throws IOException {
        Map<String, Path> classes = new HashMap<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> classes.put(f.getFileName().toString().replace(".java", ""), f));
        }
        Matcher cited = CITED.matcher(Files.readString(MATRIX));
        while (cited.find()) {
            assertThat(classes).as("cited test class " + cited.group(1)).containsKey(cited.group(1));
            if (cited.group(2) != null) {
                assertThat(Files.readString(classes.get(cited.group(1)))).as("cited test " + cited.group())
                        .contains(" " + cited.group(2) + "(");
            }
        }
    }

    /** The matrix rows by requirement id, split into their cells (index 1 is the id). */
    private static Map<String, String[]> matrixRows() throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(MATRIX)) {
            if (line.matches("\\|\\s*\\d+\\s*\\|.*")) {
                String[] cells = line.split("\\|", -1);
                assertThat(cells.length).as(line).isGreaterThanOrEqualTo(8);
                rows.put(cells[1].strip(), cells);
            }
        }
        return rows;
    }

    /** The ids of the rows whose actors include Service and whose conformance is SHALL, SHALL NOT or SHOULD. */
    static List<String> serviceRequirements() throws IOException {
        List<List<String>> records = csv(Files.readString(REQUIREMENTS));
        List<String> header = records.get(0);
        int id = header.indexOf("ID*");
        int conformance = header.indexOf("Conformance*");
        int actors = header.indexOf("Actors*");
        List<String> ids = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() > actors && record.get(actors).contains("Service")
                    && CONFORMANCE.contains(record.get(conformance).strip())) {
                ids.add(record.get(id).strip());
            }
        }
        return ids;
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> csv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    records.add(record);
                }
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
