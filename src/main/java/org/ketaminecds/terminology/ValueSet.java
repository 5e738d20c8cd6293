package org.ketaminecds.terminology;

import java.util.List;
import java.util.Optional;
import org.ketaminecds.facts.Code;
import org.ketaminecds.facts.ValueSetMatch;

/**
 * A value set as a rule author writes it in {@code rules/valuesets/<id>.yaml}: an {@code id} (the id rules use,
 * {@code valueSets contains "benzodiazepines"}, equal to the file name), a {@code title}, a {@code description},
 * the verified {@code codes} and ingredient or brand {@code names}. Names match as whole words, case-insensitive,
 * in a coding's display or the text when no code matched ({@code alprazolam} matches "Alprazolam 1 MG Oral
 * Tablet").
 */
public final class ValueSet {
    private final String id;
    private final String title;
    private final String description;
    private final List<ValueSetCode> codes;
    private final List<String> names;
    private volatile ValueSets alone;

    public ValueSet(String id, String title, String description, List<ValueSetCode> codes, List<String> names) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.codes = codes == null ? List.of() : List.copyOf(codes);
        this.names = names == null ? List.of() : List.copyOf(names);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<ValueSetCode> codes() {
        return codes;
    }

    public List<String> names() {
        return names;
    }

    /**
     * How the given codes or text match this value set: by code first, then by class, then by name. The same
     * indexed matching as {@link ValueSets}, over this one value set.
     */
    public Optional<ValueSetMatch> match(List<Code> given, String text) {
        ValueSets index = alone;
        if (index == null) {
            index = new ValueSets(List.of(this));
            alone = index;
        }
        return index.match(given, text).stream().findFirst();
    }
}
