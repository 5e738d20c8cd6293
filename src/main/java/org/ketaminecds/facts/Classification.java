package org.ketaminecds.facts;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The value-set part of a coded fact, shared by the records that implement {@link Coded}. */
final class Classification {
    /**
     * The longest text a fact keeps (a display, a {@code code.text}, a reaction), in characters. Generous for any
     * real medication or condition text, so value sets still match by name; longer text from a request is cut, so
     * one hostile label cannot be multiplied into every fact, card and audit record.
     */
    static final int MAX_TEXT = 1_000;

    private Classification() {
    }

    /** The text cut to {@link #MAX_TEXT} characters, marked with an ellipsis when cut. */
    static String text(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    static List<ValueSetMatch> copy(List<ValueSetMatch> matches) {
        return matches == null ? List.of() : List.copyOf(matches);
    }

    /**
     * The ids of the value sets matched. Rules call this for every fact in every {@code valueSets contains} test, so
     * it avoids a stream: most facts match no value set or one.
     */
    static Set<String> ids(List<ValueSetMatch> matches) {
        if (matches.isEmpty()) {
            return Set.of();
        }
        if (matches.size() == 1) {
            return Set.of(matches.get(0).valueSet());
        }
        Set<String> ids = new HashSet<>();
        for (ValueSetMatch match : matches) {
            ids.add(match.valueSet());
        }
        return Collections.unmodifiableSet(ids);
    }

    static List<Code> codes(List<Code> codes) {
        return codes == null ? List.of() : List.copyOf(codes);
    }

    static String firstLabel(String text, List<Code> codes, String fallback) {
        if (text != null && !text.isBlank()) {
            return text;
        }
        return codes.stream().map(Code::display).filter(d -> d != null && !d.isBlank()).findFirst()
                .orElseGet(() -> codes.isEmpty() ? fallback : codes.get(0).code());
    }
}
