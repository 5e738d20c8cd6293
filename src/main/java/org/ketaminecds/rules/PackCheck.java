package org.ketaminecds.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The full check of a rules directory, shared by the {@code rules} commands and the hot reload: build the pack
 * (compile and lint) and, for {@link #test}, run every scenario. A pack may go live only when {@link
 * Report#passed()}. One bean ({@link RulesConfiguration}).
 */
public final class PackCheck {
    private final Clock clock;
    private final Supplier<HookDecider> decider;

    /**
     * @param decider runs JSON scenarios (whole CDS Hooks requests); asked for only when a pack has some, because
     *     the CDS Hooks module's FHIR context is slow to start; yields null when none is available, and then a pack
     *     with JSON scenarios fails
     */
    PackCheck(Clock clock, Supplier<HookDecider> decider) {
        this.clock = clock;
        this.decider = decider;
    }

    /**
     * What a check found.
     *
     * @param dir the rules directory checked
     * @param pack the built pack, null when it does not build
     * @param messages build and lint messages (errors and warnings), plus scenarios that do not parse
     * @param scenarios the result of every scenario that ran (empty for a validate-only check)
     * @param millis how long the check took
     */
    public record Report(Path dir, RulePack pack, List<RuleMessage> messages, List<ScenarioResult> scenarios,
            long millis) {

        public boolean passed() {
            return pack != null && errors().isEmpty() && scenarios.stream().allMatch(ScenarioResult::passed);
        }

        public List<RuleMessage> errors() {
            return messages.stream().filter(RuleMessage::error).toList();
        }

        /** Every reason this pack may not go live, one {@code file:line: rule: message} each. */
        public List<RuleMessage> failures() {
            List<RuleMessage> failures = new ArrayList<>(errors());
            for (ScenarioResult result : scenarios) {
                result.problems().forEach(problem -> failures.add(new RuleMessage(result.file(), 0, result.name(),
                        "ERROR", "scenario fails: " + problem)));
            }
            return failures;
        }
    }

    /** Compiles and lints the pack. */
    public Report validate(Path dir) {
        long start = System.nanoTime();
        try {
            RulePack pack = new RulePackLoader(clock).load(dir);
            return new Report(dir, pack, pack.warnings(), List.of(), elapsed(start));
        } catch (RulePackException e) {
            return new Report(dir, null, e.messages(), List.of(), elapsed(start));
        }
    }

    /** Compiles and lints the pack, then runs every scenario under it (YAML and JSON). */
    public Report test(Path dir) {
        long start = System.nanoTime();
        Report built = validate(dir);
        if (built.pack() == null) {
            return built;
        }
        List<RuleMessage> messages = new ArrayList<>(built.messages());
        List<ScenarioResult> results = new ArrayList<>();
        for (Path file : Scenarios.files(dir)) {
            try {
                results.add(Scenarios.run(built.pack(), Scenarios.read(dir, file)));
            } catch (RulePackException e) {
                messages.addAll(e.messages());
            }
        }
        List<Path> requests = RequestScenarios.files(dir);
        HookDecider decider = requests.isEmpty() ? null : this.decider.get();
        for (Path file : requests) {
            if (decider == null) {
                messages.add(new RuleMessage(dir.relativize(file).toString(), 0, null, "ERROR",
                        "JSON scenarios need the CDS Hooks module, which this check was run without"));
                continue;
            }
            try {
                results.add(RequestScenarios.run(dir, file, built.pack(), decider));
            } catch (RulePackException e) {
                messages.addAll(e.messages());
            }
        }
        return new Report(dir, built.pack(), messages, results, elapsed(start));
    }

    /**
     * Which rules the scenarios of a built pack exercise ({@link Coverage}); JSON scenarios count when a decider is
     * available.
     *
     * @param built a report whose pack built ({@link Report#pack()} not null)
     */
    public Coverage coverage(Report built) {
        HookDecider decider = RequestScenarios.files(built.dir()).isEmpty() ? null : this.decider.get();
        return Coverage.of(built.pack(), built.dir(), decider);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
