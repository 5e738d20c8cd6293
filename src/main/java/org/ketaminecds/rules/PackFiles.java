package org.ketaminecds.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ketaminecds.facts.Threshold;
import org.ketaminecds.terminology.CodeSystems;
import org.ketaminecds.terminology.ValueSet;
import org.ketaminecds.terminology.ValueSetCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the YAML parts of a rule pack, turning every problem into a {@link RuleMessage} with file and line. */
final class PackFiles {
    static final String CATALOGUE = "catalogue.yaml";
    static final String EVIDENCE = "evidence.yaml";
    static final String POLICY = "policy.yaml";
    static final String VALUESETS = "valuesets";

    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    /** For facts written by hand: derived fields (minutesBefore, current ...) may be left out. */
    static final YAMLMapper FACTS_YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private final Path dir;
    private final List<RuleMessage> messages;

    PackFiles(Path dir, List<RuleMessage> messages) {
        this.dir = dir;
        this.messages = messages;
    }

    record CatalogueFile(List<CatalogueEntry> rules) {
    }

    record EvidenceFile(List<EvidenceSource> sources) {
    }

    record PolicyFile(List<Threshold> thresholds) {
    }

    record ValueSetFile(String id, String title, String description, List<ValueSetCode> codes, List<String> names) {
    }

    List<CatalogueEntry> catalogue() {
        CatalogueFile file = read(CATALOGUE, CatalogueFile.class);
        return file == null || file.rules() == null ? List.of() : file.rules();
    }

    List<EvidenceSource> evidence() {
        EvidenceFile file = read(EVIDENCE, EvidenceFile.class);
        return file == null || file.sources() == null ? List.of() : file.sources();
    }

    List<Threshold> policy() {
        PolicyFile file = read(POLICY, PolicyFile.class);
        return file == null || file.thresholds() == null ? List.of() : file.thresholds();
    }

    List<ValueSet> valueSets() {
        Path folder = dir.resolve(VALUESETS);
        List<ValueSet> valueSets = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            error(VALUESETS, 0, "the value set folder is missing");
            return valueSets;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path path : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String rel = dir.relativize(path).toString();
                ValueSetFile file = read(rel, ValueSetFile.class);
                if (file != null && check(rel, path, file)) {
                    valueSets.add(new ValueSet(file.id(), file.title(), file.description(), file.codes(), file.names()));
                }
            }
        } catch (IOException e) {
            error(VALUESETS, 0, "cannot list value sets: " + e.getMessage());
        }
        return valueSets;
    }

    private boolean check(String rel, Path path, ValueSetFile file) {
        String expectedId = path.getFileName().toString().replaceFirst("\\.yaml$", "");
        boolean ok = true;
        if (!expectedId.equals(file.id())) {
            error(rel, 1, "value set id '" + file.id() + "' must equal the file name '" + expectedId + "'");
            ok = false;
        }
        for (ValueSetCode code : file.codes() == null ? List.<ValueSetCode>of() : file.codes()) {
            if (!CodeSystems.allowed().contains(code.system())) {
                error(rel, 0, "code " + code.code() + " uses a code system that is not listed: " + code.system());
                ok = false;
            }
            if (code.code() == null || code.code().isBlank() || code.verified() == null || code.verified().isBlank()) {
                error(rel, 0, "every code needs 'code' and 'verified' (where it was verified): " + code);
                ok = false;
            }
        }
        return ok;
    }

    private <T> T read(String rel, Class<T> type) {
        Path path = dir.resolve(rel);
        if (!Files.isRegularFile(path)) {
            error(rel, 0, "file is missing");
            return null;
        }
        try {
            return YAML.readValue(path.toFile(), type);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            error(rel, line, e.getOriginalMessage());
            return null;
        }
    }

    private void error(String file, int line, String text) {
        messages.add(new RuleMessage(file, line, null, "ERROR", text));
    }
}
