package org.ketaminecds.facts;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The value-set part of a coded fact, shared by the records that implement {@link Coded}. */
final class Classification {
    private Classification() {
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
