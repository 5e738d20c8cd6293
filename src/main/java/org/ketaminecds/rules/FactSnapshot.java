package org.ketaminecds.rules;

import java.util.List;
import java.util.function.UnaryOperator;
import org.ketaminecds.common.CanonicalJson;
import org.ketaminecds.facts.FactSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fact snapshot an audit record keeps: the {@link FactSet} the rules saw, as canonical JSON, wrapped with the
 * format it was written in: {@code {"format": 2, "facts": {...}}}. A decision must replay for as long as it is
 * kept, so the fact model may change only together with an upgrade step here: a snapshot is read by upgrading its
 * JSON, one format at a time, to {@link #FORMAT}, then binding it to today's fact records.
 *
 * <p>Formats: 1, the bare FactSet (records written before the format was recorded); 2, the same FactSet, wrapped;
 * 3, with each dose's place in its course ({@code TreatmentDose.ordinal}, {@code previousEpochSecond},
 * {@code dosesWithinWeek}) and the {@code courses} list, all derived by {@code FactSet.timed()}.
 * {@code FactSnapshotTest} replays archived records of every earlier format.
 */
public final class FactSnapshot {
    /** The format written today. */
    public static final int FORMAT = 3;

    /** {@code UPGRADES.get(n - 1)} turns format n's facts into format n + 1's. */
    private static final List<UnaryOperator<JsonNode>> UPGRADES = List.of(
            facts -> facts, // 1 -> 2: only the wrapper was added
            facts -> facts); // 2 -> 3: the new fields are derived; evaluation derives them again (FactSet.timed)

    private FactSnapshot() {
    }

    /** The snapshot text of {@code facts}, in the current format. */
    public static String write(FactSet facts) {
        ObjectNode snapshot = JsonNodeFactory.instance.objectNode();
        snapshot.put("format", FORMAT);
        snapshot.set("facts", CanonicalJson.parse(CanonicalJson.ofValue(facts)));
        return CanonicalJson.of(snapshot);
    }

    /** The facts of a snapshot in any format this version has written. */
    public static FactSet read(String snapshot) {
        JsonNode tree = CanonicalJson.parse(snapshot);
        int format = tree.has("format") ? tree.get("format").asInt() : 1;
        if (format < 1 || format > FORMAT) {
            throw new IllegalArgumentException("fact snapshot format " + format + " is newer than this version ("
                    + FORMAT + ")");
        }
        JsonNode facts = format == 1 ? tree : tree.get("facts");
        for (int from = format; from < FORMAT; from++) {
            facts = UPGRADES.get(from - 1).apply(facts);
        }
        return CanonicalJson.read(facts, FactSet.class);
    }

    /** The format of a snapshot. */
    public static int format(String snapshot) {
        JsonNode tree = CanonicalJson.parse(snapshot);
        return tree.has("format") ? tree.get("format").asInt() : 1;
    }
}
