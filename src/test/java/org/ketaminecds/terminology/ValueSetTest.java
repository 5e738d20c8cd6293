package org.ketaminecds.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketaminecds.facts.Code;
import org.ketaminecds.facts.ValueSetMatch;

class ValueSetTest {
    static final ValueSet BENZODIAZEPINES = new ValueSet("benzodiazepines", "Benzodiazepines", null, List.of(
            new ValueSetCode(CodeSystems.RXNORM, "6470", "lorazepam", null, "test"),
            new ValueSetCode(CodeSystems.ATC, "N05BA", "anxiolytic benzodiazepines", "prefix", "test"),
            new ValueSetCode(CodeSystems.ATC, "N03AE01", "clonazepam", null, "test")),
            List.of("lorazepam", "alprazolam", "clonazepam"));
    static final ValueSet KETAMINE = new ValueSet("ketamine", "Ketamine", null,
            List.of(new ValueSetCode(CodeSystems.RXNORM, "6130", "ketamine", null, "test")), List.of("ketamine"));

    @Test
    void an_rxnorm_ingredient_code_matches_by_code() {
        assertThat(BENZODIAZEPINES.match(List.of(new Code(CodeSystems.RXNORM, "6470", null)), null))
                .contains(new ValueSetMatch("benzodiazepines", "code", "RxNorm 6470"));
    }

    @Test
    void an_atc_substance_code_matches_its_class_by_prefix() {
        assertThat(BENZODIAZEPINES.match(List.of(new Code(CodeSystems.ATC, "N05BA12", "alprazolam")), null))
                .contains(new ValueSetMatch("benzodiazepines", "class", "ATC N05BA12"));
    }

    @Test
    void clonazepam_is_found_by_its_antiepileptic_atc_code() {
        assertThat(BENZODIAZEPINES.match(List.of(new Code(CodeSystems.ATC, "N03AE01", null)), null)).isPresent();
    }

    @Test
    void a_product_given_only_as_text_matches_by_ingredient_name() {
        assertThat(BENZODIAZEPINES.match(List.of(), "Alprazolam 1 MG Oral Tablet"))
                .contains(new ValueSetMatch("benzodiazepines", "name", "name \"alprazolam\""));
    }

    @Test
    void a_product_code_the_value_set_does_not_list_falls_back_to_its_display_name() {
        assertThat(BENZODIAZEPINES.match(List.of(new Code(CodeSystems.RXNORM, "999999", "lorazepam 1 MG Oral Tablet")),
                null)).map(ValueSetMatch::method).contains("name");
    }

    @Test
    void names_match_whole_words_only_so_esketamine_is_not_ketamine() {
        assertThat(KETAMINE.match(List.of(), "Esketamine 28 MG Nasal Spray")).isEmpty();
        assertThat(KETAMINE.match(List.of(), "Ketamine HCl 50 MG/ML Injection")).isPresent();
    }

    @Test
    void a_code_from_another_system_does_not_match() {
        assertThat(BENZODIAZEPINES.match(List.of(new Code(CodeSystems.SNOMED, "6470", null)), null)).isEmpty();
    }

    @Test
    void the_indexed_pack_classifies_exactly_like_each_value_set_on_its_own() {
        ValueSet anxiolytics = new ValueSet("anxiolytics", "Anxiolytics", null,
                List.of(new ValueSetCode(CodeSystems.ATC, "N05BA", "anxiolytic benzodiazepines", "prefix", "test")),
                List.of("alprazolam"));
        ValueSets pack = new ValueSets(List.of(BENZODIAZEPINES, KETAMINE, anxiolytics));
        List<List<Code>> codings = List.of(List.of(), List.of(new Code(CodeSystems.RXNORM, "6470", "Lorazepam 2 MG")),
                List.of(new Code(CodeSystems.ATC, "n05ba12", null)), List.of(new Code(CodeSystems.RXNORM + "/", "6130", null)),
                List.of(new Code(CodeSystems.SNOMED, "6470", "ketamine")));
        List<String> texts = java.util.Arrays.asList(null, "Ketamine and clonazepam", "esketamine", "ALPRAZOLAM 1 MG");
        for (List<Code> codes : codings) {
            for (String text : texts) {
                List<ValueSetMatch> expected = java.util.stream.Stream.of(BENZODIAZEPINES, KETAMINE, anxiolytics)
                        .map(v -> v.match(codes, text)).flatMap(java.util.Optional::stream).toList();
                assertThat(pack.match(codes, text)).as(codes + " / " + text).isEqualTo(expected);
            }
        }
    }
}
