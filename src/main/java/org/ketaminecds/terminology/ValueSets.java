package org.ketaminecds.terminology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ketaminecds.facts.Code;
import org.ketaminecds.facts.Coded;
import org.ketaminecds.facts.Measurement;
import org.ketaminecds.facts.ValueSetMatch;

/**
 * All value sets of one rule pack; classifies coded facts. Immutable and indexed once: exact codes by system and
 * code, class codes by system, and every ingredient name in one whole-word pattern, so classifying a fact costs a
 * few lookups whatever the number of value sets. Per value set the result is the same as {@link ValueSet#match}:
 * an exact code first, then a class code, then a name in a coding's display or the text.
 */
public final class ValueSets {
    private final Map<String, ValueSet> byId;
    private final Map<String, List<String>> exact = new HashMap<>();
    private final Map<String, List<ClassCode>> prefixesBySystem = new HashMap<>();
    private final Map<String, List<String>> byName = new HashMap<>();
    private final Pattern names;

    public ValueSets(Collection<ValueSet> valueSets) {
        Map<String, ValueSet> map = new LinkedHashMap<>();
        for (ValueSet valueSet : valueSets) {
            if (map.putIfAbsent(valueSet.id(), valueSet) != null) {
                throw new IllegalArgumentException("duplicate value set id " + valueSet.id());
            }
            index(valueSet);
        }
        this.byId = java.util.Collections.unmodifiableMap(map);
        this.names = byName.isEmpty() ? null : Pattern.compile(byName.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote).collect(Collectors.joining("|", "(?<![\\p{L}\\p{N}])(", ")(?![\\p{L}\\p{N}])")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private void index(ValueSet valueSet) {
        for (ValueSetCode code : valueSet.codes()) {
            if (code.prefix()) {
                prefixesBySystem.computeIfAbsent(CodeSystems.key(code.system()), k -> new ArrayList<>())
                        .add(new ClassCode(code.code().toUpperCase(Locale.ROOT), valueSet.id()));
            } else {
                exact.computeIfAbsent(codeKey(code.system(), code.code()), k -> new ArrayList<>()).add(valueSet.id());
            }
        }
        for (String name : valueSet.names()) {
            List<String> owners = byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            if (!owners.contains(valueSet.id())) {
                owners.add(valueSet.id());
            }
        }
    }

    /** A class code (matched as a prefix) and the value set it belongs to. */
    private record ClassCode(String prefix, String valueSet) {
    }

    private static String codeKey(String system, String code) {
        return CodeSystems.key(system) + "|" + code.trim().toUpperCase(Locale.ROOT);
    }

    public Optional<ValueSet> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<ValueSet> all() {
        return byId.values();
    }

    /** Every value set the codes or text match, with how each matched, in value-set order. */
    public List<ValueSetMatch> match(List<Code> codes, String text) {
        Map<String, ValueSetMatch> found = new HashMap<>();
        for (Code code : codes) {
            if (code.code() == null) {
                continue;
            }
            for (String id : exact.getOrDefault(codeKey(code.system(), code.code()), List.of())) {
                found.putIfAbsent(id, new ValueSetMatch(id, "code", CodeSystems.shortName(code.system()) + " " + code.code()));
            }
        }
        for (Code code : codes) {
            if (code.code() == null) {
                continue;
            }
            String upper = code.code().trim().toUpperCase(Locale.ROOT);
            for (ClassCode prefix : prefixesBySystem.getOrDefault(CodeSystems.key(code.system()), List.of())) {
                if (upper.startsWith(prefix.prefix())) {
                    found.putIfAbsent(prefix.valueSet(), new ValueSetMatch(prefix.valueSet(), "class",
                            CodeSystems.shortName(code.system()) + " " + code.code()));
                }
            }
        }
        if (names != null) {
            for (Code code : codes) {
                byName(code.display(), found);
            }
            byName(text, found);
        }
        List<ValueSetMatch> matches = new ArrayList<>();
        for (String id : byId.keySet()) {
            ValueSetMatch match = found.get(id);
            if (match != null) {
                matches.add(match);
            }
        }
        return matches;
    }

    private void byName(String text, Map<String, ValueSetMatch> found) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Matcher matcher = names.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1).toLowerCase(Locale.ROOT);
            for (String id : byName.getOrDefault(name, List.of())) {
                found.putIfAbsent(id, new ValueSetMatch(id, "name", "name \"" + name + "\""));
            }
        }
    }

    /**
     * The fact with its value-set classification (any earlier classification is replaced); a Measurement's coded
     * answers are classified too.
     */
    public Coded classify(Coded fact) {
        Coded classified = fact.classified(match(fact.codes(), fact.text()));
        if (classified instanceof Measurement measurement) {
            return measurement.withAnswerMatches(match(measurement.answers(), null));
        }
        return classified;
    }

    /** True when the codes or text belong to the given value set. */
    public boolean contains(String valueSetId, List<Code> codes, String text) {
        return get(valueSetId).flatMap(v -> v.match(codes, text)).isPresent();
    }
}
