package org.ketaminecds.terminology;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    private final Pattern namePattern;

    public ValueSet(String id, String title, String description, List<ValueSetCode> codes, List<String> names) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.codes = codes == null ? List.of() : List.copyOf(codes);
        this.names = names == null ? List.of() : List.copyOf(names);
        this.namePattern = this.names.isEmpty() ? null : Pattern.compile(this.names.stream().map(Pattern::quote)
                .collect(Collectors.joining("|", "(?<![\\p{L}\\p{N}])(", ")(?![\\p{L}\\p{N}])")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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

    /** How the given codes or text match this value set: by code first, then by class, then by name. */
    public Optional<ValueSetMatch> match(List<Code> given, String text) {
        for (boolean prefix : new boolean[] {false, true}) {
            for (Code code : given) {
                for (ValueSetCode entry : codes) {
                    if (entry.prefix() == prefix && entry.matches(code.system(), code.code())) {
                        return Optional.of(new ValueSetMatch(id, prefix ? "class" : "code",
                                CodeSystems.shortName(code.system()) + " " + code.code()));
                    }
                }
            }
        }
        if (namePattern == null) {
            return Optional.empty();
        }
        for (Code code : given) {
            Optional<ValueSetMatch> byName = byName(code.display());
            if (byName.isPresent()) {
                return byName;
            }
        }
        return byName(text);
    }

    private Optional<ValueSetMatch> byName(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var matcher = namePattern.matcher(text);
        return matcher.find()
                ? Optional.of(new ValueSetMatch(id, "name", "name \"" + matcher.group(1).toLowerCase(Locale.ROOT) + "\""))
                : Optional.empty();
    }
}
