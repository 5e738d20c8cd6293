package org.ketaminecds.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.StatelessKieSession;
import org.ketaminecds.facts.Fact;
import org.ketaminecds.facts.FactSet;
import org.ketaminecds.facts.Finding;
import org.ketaminecds.facts.Threshold;
import org.ketaminecds.terminology.ValueSets;

/**
 * One immutable, compiled rule pack. Thread-safe: every evaluation uses a fresh stateless session.
 */
public final class RulePack {
    private static final String FINDINGS = "findings";
    private final String version;
    private final Instant loadedAt;
    private final String sourceDir;
    private final KieBase kieBase;
    private final List<RuleInfo> rules;
    private final ValueSets valueSets;
    private final List<Threshold> thresholds;
    private final Map<String, CatalogueEntry> catalogue;
    private final Map<String, EvidenceSource> evidence;
    private final List<RuleMessage> warnings;

    RulePack(String version, Instant loadedAt, String sourceDir, KieBase kieBase, List<RuleInfo> rules,
            ValueSets valueSets, List<Threshold> thresholds, Map<String, CatalogueEntry> catalogue,
            Map<String, EvidenceSource> evidence, List<RuleMessage> warnings) {
        this.version = version;
        this.loadedAt = loadedAt;
        this.sourceDir = sourceDir;
        this.kieBase = kieBase;
        this.rules = List.copyOf(rules);
        this.valueSets = valueSets;
        this.thresholds = List.copyOf(thresholds);
        this.catalogue = Map.copyOf(catalogue);
        this.evidence = Map.copyOf(evidence);
        this.warnings = List.copyOf(warnings);
    }

    /** Evaluates the facts: relates times to the evaluation instant, classifies codes, runs the rules. */
    public RuleOutcome evaluate(FactSet raw) {
        return evaluate(raw, () -> { });
    }

    /**
     * Evaluates the facts, calling {@code checkpoint} after classification and whenever a rule matches or fires; a
     * checkpoint that throws {@link EvaluationStopped} stops the evaluation, and the exception comes out as it is.
     */
    public RuleOutcome evaluate(FactSet raw, Runnable checkpoint) {
        FactSet facts = raw.timed().classify(valueSets::classify);
        checkpoint.run();
        List<Object> inserts = new ArrayList<>(facts.all());
        inserts.addAll(thresholds);
        FiredRules listener = new FiredRules(checkpoint);
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.addEventListener(listener);
        KieCommands commands = KieServices.Factory.get().getCommands();
        List<Command<?>> batch = List.of(commands.newInsertElements(inserts), commands.newFireAllRules(),
                commands.newGetObjects(new ClassObjectFilter(Finding.class), FINDINGS));
        ExecutionResults results;
        try {
            results = session.execute(commands.newBatchExecution(batch));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof EvaluationStopped stopped) {
                    throw stopped;
                }
            }
            throw e;
        }
        @SuppressWarnings("unchecked")
        Collection<Finding> found = (Collection<Finding>) results.getValue(FINDINGS);
        return new RuleOutcome(version, facts, sorted(found), listener.fired());
    }

    /**
     * Findings in a stable order: rule id, then subjects, then values, as text. The text is built once per finding;
     * built inside the comparator it was built O(n log n) times, the largest cost of a call with thousands of findings.
     */
    private static List<Finding> sorted(Collection<Finding> found) {
        record Keyed(String ruleId, String subjects, String values, Finding finding) {
        }
        return found.stream().map(f -> new Keyed(f.ruleId(), f.subjects().toString(), f.values().toString(), f))
                .sorted(Comparator.comparing(Keyed::ruleId).thenComparing(Keyed::subjects).thenComparing(Keyed::values))
                .map(Keyed::finding).toList();
    }

    public String version() {
        return version;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public String sourceDir() {
        return sourceDir;
    }

    public List<RuleInfo> rules() {
        return rules;
    }

    public ValueSets valueSets() {
        return valueSets;
    }

    public List<Threshold> thresholds() {
        return thresholds;
    }

    public Optional<CatalogueEntry> catalogueEntry(String ruleId) {
        return Optional.ofNullable(catalogue.get(ruleId));
    }

    public Map<String, CatalogueEntry> catalogue() {
        return catalogue;
    }

    public Optional<EvidenceSource> evidence(String tag) {
        return Optional.ofNullable(evidence.get(tag));
    }

    /** Build warnings that did not stop the pack. */
    public List<RuleMessage> warnings() {
        return warnings;
    }

    /**
     * Records the rules that fire, with the facts they matched, for the audit record: the first
     * {@link FiredRule#MAX_LISTED} firings of each rule, and how many more there were.
     */
    private static final class FiredRules extends DefaultAgendaEventListener {
        private final List<FiredRule> fired = new ArrayList<>();
        private final Map<String, Integer> firings = new HashMap<>();
        private final Runnable checkpoint;

        FiredRules(Runnable checkpoint) {
            this.checkpoint = checkpoint;
        }

        @Override
        public void matchCreated(MatchCreatedEvent event) {
            checkpoint.run();
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            checkpoint.run();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            var rule = event.getMatch().getRule();
            if (firings.merge(rule.getName(), 1, Integer::sum) > FiredRule.MAX_LISTED) {
                return;
            }
            Object id = rule.getMetaData().get("id");
            List<String> matched = event.getMatch().getObjects().stream()
                    .map(o -> o instanceof Fact f ? f.sourceRef() : o.getClass().getSimpleName())
                    .filter(s -> s != null).distinct().toList();
            fired.add(new FiredRule(id == null ? null : id.toString(), rule.getName(), matched));
        }

        List<FiredRule> fired() {
            List<FiredRule> listed = new ArrayList<>(fired);
            Set<String> seen = new HashSet<>();
            for (int i = listed.size() - 1; i >= 0; i--) {
                FiredRule last = listed.get(i);
                int more = firings.get(last.name()) - FiredRule.MAX_LISTED;
                if (seen.add(last.name()) && more > 0) {
                    listed.set(i, new FiredRule(last.ruleId(), last.name(), last.matched(), more));
                }
            }
            return List.copyOf(listed);
        }
    }
}
