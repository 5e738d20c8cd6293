package org.ketaminecds.fhir;

import java.util.Optional;
import org.ketaminecds.facts.Product;
import org.ketaminecds.terminology.ValueSets;

/**
 * Recognises the index drugs with the rule pack's {@code ketamine} and {@code esketamine} value sets
 * (decisions.md: esketamine by its verified product codes, NDC, ATC and name; ketamine by RxNorm 6130, its
 * verified SCD/SBD codes, ATC and name). Esketamine is checked first: "esketamine" never matches the whole word
 * "ketamine", but a code could in principle sit in both.
 */
final class IndexDrugs {
    static final String KETAMINE = "ketamine";
    static final String ESKETAMINE = "esketamine";
    private final ValueSets valueSets;

    IndexDrugs(ValueSets valueSets) {
        this.valueSets = valueSets;
    }

    Optional<Product> product(MedicationConcept concept) {
        if (valueSets.contains(ESKETAMINE, concept.codes(), concept.text())) {
            return Optional.of(Product.ESKETAMINE);
        }
        if (valueSets.contains(KETAMINE, concept.codes(), concept.text())) {
            return Optional.of(Product.KETAMINE_IV);
        }
        return Optional.empty();
    }
}
