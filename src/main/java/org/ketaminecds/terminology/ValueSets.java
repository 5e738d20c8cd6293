package org.ketaminecds.terminology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketaminecds.facts.Code;
import org.ketaminecds.facts.Coded;
import org.ketaminecds.facts.ValueSetMatch;

/** All value sets of one rule pack; classifies coded facts. Immutable. */
public final class ValueSets {
    private final Map<String, ValueSet> byId;

    public ValueSets(Collection<ValueSet> valueSets) {
        Map<String, ValueSet> map = new java.util.LinkedHashMap<>();
        for (ValueSet valueSet : valueSets) {
            if (map.putIfAbsent(valueSet.id(), valueSet) != null) {
                throw new IllegalArgumentException("duplicate value set id " + valueSet.id());
            }
        }
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    public Optional<ValueSet> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<ValueSet> all() {
        return byId.values();
    }

    /** Every value set the codes or text match, with how each matched. */
    public List<ValueSetMatch> match(List<Code> codes, String text) {
        List<ValueSetMatch> matches = new ArrayList<>();
        for (ValueSet valueSet : byId.values()) {
            valueSet.match(codes, text).ifPresent(matches::add);
        }
        return matches;
    }

    /**
     * The fact with its value-set classification (any earlier classification is replaced); a Measurement's coded
     * answers are classified too.
     */
    public Coded classify(Coded fact) {
        Coded classified = fact.classified(match(fact.codes(), fact.text()));
        if (classified instanceof org.ketaminecds.facts.Measurement measurement) {
            return measurement.withAnswerMatches(match(measurement.answers(), null));
        }
        return classified;
    }

    /** True when the codes or text belong to the given value set. */
    public boolean contains(String valueSetId, List<Code> codes, String text) {
        return get(valueSetId).flatMap(v -> v.match(codes, text)).isPresent();
    }
}
