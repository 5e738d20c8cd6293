package org.ketaminecds.facts;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    static Set<String> ids(List<ValueSetMatch> matches) {
        return matches.stream().map(ValueSetMatch::valueSet).collect(Collectors.toUnmodifiableSet());
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
