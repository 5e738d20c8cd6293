package org.ketaminecds.rules;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.ketaminecds.facts.Evaluation;
import org.ketaminecds.facts.FactSet;
import org.ketaminecds.facts.Product;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds the live rule pack. A serving process ({@link RulesProperties#serve()}, the default) starts building the first
 * pack from {@link RulesProperties#dir()} on its own thread as soon as this engine exists, while the rest of the
 * application starts (discovery answers meanwhile); the first call that needs the pack waits for it, and a service
 * that cannot build its pack does not start ({@link RulePackReloader#start()} waits for it). A process that does not
 * serve (the command line) builds nothing until something asks for {@link #live()}. {@link #replace(RulePack)} swaps
 * packs atomically: a request evaluates with the pack it started with. {@link RulePackReloader} replaces it when the
 * directory changes and the candidate passes every check, and records the refused candidates here.
 */
@Component
public class RuleEngine {
    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);
    private final AtomicReference<RulePack> live = new AtomicReference<>();
    private final AtomicReference<ReloadFailure> lastFailure = new AtomicReference<>();
    private final RulePackLoader loader;
    private final RulesProperties properties;
    private final Clock clock;

    /** Completes when the first pack is live; holds no pack itself, so a replaced first pack can be released. */
    private CompletableFuture<Void> first;

    public RuleEngine(RulesProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.loader = new RulePackLoader(clock);
        if (properties.serve()) {
            // Started here rather than at the first request so that it overlaps the rest of the startup.
            first();
        }
    }

    /** The build of the first pack, started on its own thread the first time this is called. */
    private synchronized CompletableFuture<Void> first() {
        if (first == null) {
            first = CompletableFuture.runAsync(() -> {
                RulePack pack = loader.load(properties.dir());
                warmUp(pack, clock);
                live.compareAndSet(null, pack);
                log.info("Rule pack {} loaded from {}: {} rules, {} value sets", shortVersion(pack.version()),
                        pack.sourceDir(), pack.rules().size(), pack.valueSets().all().size());
            }, command -> {
                Thread thread = new Thread(command, "rule-pack-startup");
                thread.setDaemon(true);
                thread.start();
            });
        }
        return first;
    }

    /** One throw-away evaluation, so the first EHR request does not pay for class loading and JIT. */
    static void warmUp(RulePack pack, Clock clock) {
        for (Product product : Product.values()) {
            pack.evaluate(new FactSet(new Evaluation("order-sign", product, clock.instant(), null, true, null), null,
                    null, null, null, null, null, null, null, null));
        }
    }

    /** The pack serving requests now; waits for the first pack while it is still being built (or starts it). */
    public RulePack live() {
        RulePack pack = live.get();
        if (pack != null) {
            return pack;
        }
        try {
            first().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return live.get();
    }

    /** True once the first pack is live. */
    public boolean ready() {
        return live.get() != null;
    }

    /** Makes {@code pack} the live pack; the last refused candidate, if any, is forgotten. */
    public void replace(RulePack pack) {
        live.set(pack);
        lastFailure.set(null);
    }

    /** Records a refused candidate: the live pack stays, health reports degraded until a good pack goes live. */
    public void refuse(ReloadFailure failure) {
        lastFailure.set(failure);
    }

    /** The last refused candidate since the live pack went live, if any. */
    public Optional<ReloadFailure> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    public RulePackLoader loader() {
        return loader;
    }

    public RulesProperties properties() {
        return properties;
    }

    static String shortVersion(String version) {
        return version.length() > 12 ? version.substring(0, 12) : version;
    }
}
