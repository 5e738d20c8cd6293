package org.ketaminecds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ties the shipped rule pack to the project's own list of the clinical knowledge base's rule ids: the rows of
 * {@code docs/clinical-references.md}, which must be exactly A01-A28 (Table A), B01-B16 (Table B) and C01-C16
 * (Table C) and the same ids as {@code rules/catalogue.yaml}. Every listed id has a DRL rule, a catalogue entry, a
 * scenario in which it produces its card (or fires, for B16) and a near-miss scenario in which it does not.
 */
class KnowledgeBaseCoverageTest {
    static final Path RULES = Path.of("rules");
    static final Path CLINICAL_REFERENCES = Path.of("docs", "clinical-references.md");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*([ABC][0-9]{2})\\s*\\|", Pattern.MULTILINE);

    static RulePack pack;
    static List<String> listedIds;
    static Set<String> knowledgeBaseIds;
    static List<Scenario> scenarios;

    @BeforeAll
    static void load() throws IOException {
        pack = new RulePackLoader(Clock.systemUTC()).load(RULES);
        listedIds = ruleIds(Files.readString(CLINICAL_REFERENCES));
        knowledgeBaseIds = new LinkedHashSet<>(listedIds);
        scenarios = Scenarios.files(RULES).stream().map(file -> Scenarios.read(RULES, file)).toList();
    }

    /** The rule ids of a markdown table, in order, duplicates kept: lines starting {@code | A01 |}. */
    static List<String> ruleIds(String markdown) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW.matcher(markdown);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** A01-A28, B01-B16 and C01-C16: the rows of the knowledge base's Tables A, B and C. */
    static List<String> knowledgeBaseRows() {
        List<String> ids = new ArrayList<>();
        for (var table : Map.of('A', 28, 'B', 16, 'C', 16).entrySet()) {
            IntStream.rangeClosed(1, table.getValue()).forEach(n -> ids.add("%c%02d".formatted(table.getKey(), n)));
        }
        return ids;
    }

    @Test
    void the_clinical_references_list_each_of_the_sixty_rule_ids_a01_to_a28_b01_to_b16_and_c01_to_c16_once() {
        assertThat(knowledgeBaseRows()).hasSize(60);
        assertThat(listedIds).as("rule ids of the docs/clinical-references.md table")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(knowledgeBaseRows());
    }

    @Test
    void the_catalogue_lists_the_same_rule_ids_as_the_clinical_references() {
        List<String> catalogueIds = new PackFiles(RULES, new ArrayList<>()).catalogue().stream()
                .map(CatalogueEntry::id).toList();
        assertThat(catalogueIds).as("rule ids of rules/catalogue.yaml")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(listedIds);
    }

    @Test
    void every_knowledge_base_rule_has_a_drl_rule() {
        Set<String> withRule = new TreeSet<>();
        pack.rules().forEach(rule -> withRule.add(rule.id()));
        assertThat(missing(withRule)).as("knowledge-base rule ids without a DRL rule").isEmpty();
    }

    @Test
    void the_pack_has_no_rule_id_outside_the_knowledge_base() {
        Set<String> extra = new TreeSet<>();
        pack.rules().forEach(rule -> extra.add(baseId(rule.id())));
        extra.removeAll(knowledgeBaseIds);
        assertThat(extra).as("DRL rule ids that are not knowledge-base rows").isEmpty();
    }

    @Test
    void every_knowledge_base_rule_is_registered_in_the_catalogue() {
        assertThat(missing(pack.catalogue().keySet())).as("knowledge-base rule ids without a catalogue entry").isEmpty();
    }

    @Test
    void every_knowledge_base_rule_has_a_scenario_in_which_it_fires() {
        Set<String> firing = new TreeSet<>();
        for (Scenario s : scenarios) {
            if (s.cards() != null) {
                firing.addAll(s.cards().keySet());
            }
            firing.addAll(s.includes().keySet());
            firing.addAll(s.fires());
        }
        assertThat(missing(firing)).as("knowledge-base rule ids without a firing scenario").isEmpty();
    }

    @Test
    void every_knowledge_base_rule_has_a_near_miss_scenario_of_its_own() {
        List<String> withoutNearMiss = new ArrayList<>();
        for (String id : knowledgeBaseIds) {
            boolean nearMiss = scenarios.stream().anyMatch(s -> fileName(s).startsWith(id + "-")
                    && (s.excludes().contains(id) || s.cards() != null && !s.cards().containsKey(id)));
            if (!nearMiss) {
                withoutNearMiss.add(id);
            }
        }
        assertThat(withoutNearMiss)
                .as("rule ids without a scenario file <ID>-*.yaml whose expectation excludes the rule").isEmpty();
    }

    @Test
    void every_scenario_file_is_named_after_a_knowledge_base_rule() {
        List<String> unnamed = scenarios.stream().map(KnowledgeBaseCoverageTest::fileName)
                .filter(name -> name.length() < 4 || !knowledgeBaseIds.contains(name.substring(0, 3))).toList();
        assertThat(unnamed).as("scenario files not starting with a rule id").isEmpty();
    }

    @Test
    void every_local_policy_threshold_is_read_and_shown_by_a_rule() throws IOException {
        StringBuilder drl = new StringBuilder();
        try (var files = Files.walk(RULES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                drl.append(Files.readString(file)).append('\n');
            }
        }
        List<String> unused = pack.thresholds().stream().map(t -> t.key())
                .filter(key -> !drl.toString().contains("key == \"" + key + "\"")).toList();
        assertThat(unused).as("policy.yaml keys no rule reads").isEmpty();
        List<String> hidden = new ArrayList<>();
        for (String rule : drl.toString().split("\nrule ")) {
            Matcher binding = Pattern.compile("(\\$\\w+) : Threshold\\(").matcher(rule);
            while (binding.find()) {
                if (!rule.contains(".with(" + binding.group(1) + ")")) {
                    hidden.add(rule.lines().findFirst().orElse("") + " " + binding.group(1));
                }
            }
        }
        assertThat(hidden).as("thresholds a rule reads but does not show on its card").isEmpty();
    }

    private static Set<String> missing(Set<String> present) {
        Set<String> missing = new TreeSet<>(knowledgeBaseIds);
        missing.removeAll(present);
        return missing;
    }

    /** {@code A09a} (a split row) belongs to row {@code A09}. */
    private static String baseId(String id) {
        return id != null && id.length() > 3 ? id.substring(0, 3) : id;
    }

    private static String fileName(Scenario s) {
        String file = s.file();
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
