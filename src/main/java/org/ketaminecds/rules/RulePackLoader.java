package org.ketaminecds.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.ketaminecds.terminology.ValueSets;

/**
 * Builds a {@link RulePack} from a rules directory: compiles every {@code .drl} file, reads value sets, policy,
 * catalogue and evidence, and checks that they fit together. Any error fails the whole pack with file:line
 * messages; a pack is never half-loaded.
 */
public final class RulePackLoader {
    private static final AtomicLong BUILDS = new AtomicLong();
    /**
     * Compiled rule bases by the SHA-256 of their DRL sources. A KieBase is immutable once built and only ever
     * opens new stateless sessions, so the same sources need compiling once per JVM: restoring an earlier pack,
     * replaying with an archived one, a reload that changed only value sets, and every application context of a
     * test run reuse it. Bounded, least recently used first out.
     */
    private static final Map<String, Compiled> COMPILED = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f,
            true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
            return size() > 4;
        }
    });
    private static final Pattern RULE_DECLARATION = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private final Clock clock;

    public RulePackLoader(Clock clock) {
        this.clock = clock;
    }

    /** The release id of the n-th build in this JVM (each build has its own, removed from the KieRepository). */
    static ReleaseId releaseId(long build) {
        return KieServices.Factory.get().newReleaseId("org.ketaminecds.rulepack", "pack", "1.0." + build);
    }

    /** How many packs this JVM has built. */
    static long builds() {
        return BUILDS.get();
    }

    /**
     * Compiles a one-rule pack in memory and discards it. Drools' first build in a JVM spends seconds loading and
     * compiling its own compiler; a process that will build a pack but has other work to do first (a {@code rules}
     * command starts the application context) calls this on another thread, so that the two overlap. The rule uses
     * the constructs the pack's rules use most ({@code not}, {@code exists}, {@code accumulate}).
     *
     * @return true when the warm-up rule compiled (it warms up less when it does not)
     */
    public static boolean prepareCompiler() {
        List<RuleMessage> messages = new ArrayList<>();
        ReleaseId warmUp = KieServices.Factory.get().newReleaseId("org.ketaminecds.rulepack", "warm-up", "1.0");
        KieBase warm = compile(warmUp, Map.of("warmup/warm-up.drl", """
                        package warmup;
                        import org.ketaminecds.facts.*;
                        rule "W01 warm-up"
                            @id("W01")
                        when
                            Evaluation( product != null, draftOrder )
                            $t : Threshold( key == "warm-up" )
                            not TreatmentDose( product == Product.KETAMINE_IV || daysBefore > 1 )
                            exists Measurement( valueSets contains "warm-up", value != null )
                            accumulate( TreatmentDose( daysBefore >= 0 ); $n : count(); $n < $t.value )
                        then
                            insertLogical(Finding.of("W01", Indicator.INFO).with("doses", $n + " doses"));
                        end
                        """), messages);
        PackFiles.YAML.readTree("warm-up: [1, two]");
        return warm != null && messages.isEmpty();
    }

    /** Builds the pack in {@code dir}, or throws {@link RulePackException} with every problem found. */
    public RulePack load(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        List<RuleMessage> messages = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            throw new RulePackException(List.of(new RuleMessage(root.toString(), 0, null, "ERROR",
                    "rules directory does not exist")));
        }
        Map<String, String> sources = sources(root);
        PackFiles files = new PackFiles(root, messages);
        ValueSets valueSets = new ValueSets(files.valueSets());
        var thresholds = files.policy();
        Map<String, CatalogueEntry> catalogue = files.catalogue().stream()
                .collect(Collectors.toMap(CatalogueEntry::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, EvidenceSource> evidence = files.evidence().stream()
                .collect(Collectors.toMap(EvidenceSource::tag, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        KieBase kieBase = compiled(sources, messages);
        List<RuleInfo> rules = kieBase == null ? List.of() : rules(kieBase, root);
        new PackLint(rules, catalogue, evidence, sources, messages).check();
        if (messages.stream().anyMatch(RuleMessage::error)) {
            throw new RulePackException(messages);
        }
        return new RulePack(version(root), clock.instant(), root.toString(), kieBase, rules, valueSets, thresholds,
                catalogue, evidence, messages);
    }

    /** Every DRL file, by path relative to {@code root}. */
    private static Map<String, String> sources(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            Map<String, String> sources = new LinkedHashMap<>();
            for (Path path : walk.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                sources.put(root.relativize(path).toString().replace('\\', '/'),
                        Files.readString(path, StandardCharsets.UTF_8));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A successful compilation of a set of DRL sources, with its warnings. */
    private record Compiled(KieBase kieBase, List<RuleMessage> warnings) {
    }

    private static KieBase compiled(Map<String, String> sources, List<RuleMessage> messages) {
        String key = sourcesHash(sources);
        Compiled cached = COMPILED.get(key);
        if (cached != null) {
            messages.addAll(cached.warnings());
            return cached.kieBase();
        }
        List<RuleMessage> found = new ArrayList<>();
        KieBase kieBase = compile(releaseId(BUILDS.incrementAndGet()), sources, found);
        messages.addAll(found);
        if (kieBase != null) {
            COMPILED.put(key, new Compiled(kieBase, List.copyOf(found)));
        }
        return kieBase;
    }

    private static String sourcesHash(Map<String, String> sources) {
        Map<String, byte[]> bytes = new java.util.TreeMap<>();
        sources.forEach((rel, text) -> bytes.put(rel, text.getBytes(StandardCharsets.UTF_8)));
        return version(bytes);
    }

    private static KieBase compile(ReleaseId releaseId, Map<String, String> sources, List<RuleMessage> messages) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        sources.forEach((rel, text) -> kfs.write("src/main/resources/" + rel, text));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages()) {
            String path = m.getPath() == null ? null : m.getPath().replaceFirst("^src/main/resources/", "");
            String level = m.getLevel() == Message.Level.ERROR ? "ERROR" : "WARNING";
            if (m.getLevel() != Message.Level.INFO) {
                messages.add(new RuleMessage(path, m.getLine(), ruleAt(sources.get(path), m.getLine()), level,
                        m.getText().strip().replaceAll("\\s+", " ")));
            }
        }
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        // The KieBase stays usable; dropping the module keeps the repository from growing with every reload.
        ks.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    /** The name of the rule declared at or above {@code line} (1-based), for messages Drools gives without one. */
    static String ruleAt(String source, int line) {
        if (source == null || line <= 0) {
            return null;
        }
        String[] lines = source.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = RULE_DECLARATION.matcher(lines[i]);
            if (m.find()) {
                return m.group(1);
            }
            if (lines[i].strip().equals("end") && i < line - 1) {
                return null;
            }
        }
        return null;
    }

    private static List<RuleInfo> rules(KieBase kieBase, Path root) {
        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, String> meta = new LinkedHashMap<>();
                rule.getMetaData().forEach((k, v) -> meta.put(k, String.valueOf(v).replaceAll("^\"|\"$", "")));
                rules.add(new RuleInfo(meta.get("id"), rule.getName(), file(rule), meta));
            }
        }
        rules.sort(java.util.Comparator.comparing(RuleInfo::name));
        return List.copyOf(rules);
    }

    private static String file(Rule rule) {
        if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
            return impl.getResource().getSourcePath().replaceFirst("^src/main/resources/", "");
        }
        return null;
    }

    /**
     * The pack's version: SHA-256 over every file that can change a decision (DRL, value sets, policy,
     * catalogue, evidence), each with its relative path. Scenarios are excluded: they test a pack, they do not
     * change it.
     */
    public static String version(Path dir) {
        return version(decisiveFiles(dir));
    }

    /** The version of a pack given as its decisive files (relative path to content), as {@link #version(Path)}. */
    public static String version(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : new java.util.TreeMap<>(files).entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every file of {@code dir} that can change a decision, by path relative to {@code dir} ({@code /}-separated),
     * sorted: what the version hashes and what the pack archive keeps.
     */
    public static Map<String, byte[]> decisiveFiles(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(root)) {
            Map<String, byte[]> files = new java.util.TreeMap<>();
            for (Path path : walk.filter(Files::isRegularFile).filter(p -> decisive(root.relativize(p))).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean decisive(Path rel) {
        String name = rel.toString().replace('\\', '/');
        if (name.contains("/scenarios/") || name.startsWith("scenarios/")) {
            return false;
        }
        return name.endsWith(".drl") || name.startsWith(PackFiles.VALUESETS + "/") && name.endsWith(".yaml")
                || name.equals(PackFiles.CATALOGUE) || name.equals(PackFiles.EVIDENCE) || name.equals(PackFiles.POLICY);
    }
}
