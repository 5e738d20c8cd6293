package org.ketaminecds.rules;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Validated hot reload. Every {@link RulesProperties#reloadInterval()} the rules directory's content hash is
 * compared with the last one seen (file events alone are not trusted: editors replace files, network mounts send
 * none). On a change a candidate pack is built on this background thread and must pass everything {@code rules
 * test} checks: compile, lint and every scenario. Only then does it replace the live pack, atomically, and go into
 * the archive; otherwise the last good pack keeps serving and the refusal is recorded on the {@link RuleEngine}
 * (health DEGRADED, {@code /api/rules}). The replaced pack is dropped: requests still using it finish with it and
 * it is then garbage collected (its KieModule was already removed from the KieRepository when it was built).
 * Only a process that serves the pack has one ({@link RulesProperties#serve()}): the command line does not.
 */
@Component
@ConditionalOnBooleanProperty(name = "ketamine.rules.serve", matchIfMissing = true)
class RulePackReloader implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RulePackReloader.class);
    private final RuleEngine engine;
    private final RulesProperties properties;
    private final PackArchive archive;
    private final PackCheck check;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private String seen;

    RulePackReloader(RuleEngine engine, RulesProperties properties, PackArchive archive, PackCheck check,
            Clock clock) {
        this.engine = engine;
        this.properties = properties;
        this.archive = archive;
        this.check = check;
        this.clock = clock;
    }

    /**
     * Runs after the web server has started (a later lifecycle phase): waits for the first pack, which fails the
     * startup if it cannot be built, archives it and starts watching the directory.
     */
    @Override
    public synchronized void start() {
        if (seen == null) {
            seen = engine.live().version();
        }
        archive(engine.live());
        if (!properties.reloading() || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rule-pack-reload");
            thread.setDaemon(true);
            return thread;
        });
        long millis = properties.reloadInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
        log.info("Watching {} for rule changes every {} ms", properties.dir().toAbsolutePath().normalize(), millis);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // A directory in the middle of a save (file gone between listing and reading) is retried next tick.
            log.warn("Rule directory check failed, retrying: {}", e.toString());
        }
    }

    /**
     * Checks the directory once; builds, checks and swaps in a changed pack. Returns true when a new pack went live.
     */
    synchronized boolean poll() {
        String version = RulePackLoader.version(properties.dir());
        if (version.equals(seen)) {
            return false;
        }
        if (version.equals(engine.live().version())) {
            // A refused change was undone: the live pack is the directory's content again.
            seen = version;
            engine.replace(engine.live());
            return false;
        }
        PackCheck.Report report = check.test(properties.dir());
        if (!report.passed()) {
            seen = version;
            List<RuleMessage> failures = report.failures();
            engine.refuse(new ReloadFailure(version, clock.instant(), failures));
            log.warn("Rule pack {} refused, still serving {}: {}", RuleEngine.shortVersion(version),
                    RuleEngine.shortVersion(engine.live().version()), failures);
            return false;
        }
        RulePack pack = report.pack();
        if (!archive(pack)) {
            return false;
        }
        seen = pack.version();
        String previous = engine.live().version();
        engine.replace(pack);
        log.info("Rule pack {} is live ({} rules, checked in {} ms), replacing {}", RuleEngine.shortVersion(
                pack.version()), pack.rules().size(), report.millis(), RuleEngine.shortVersion(previous));
        return true;
    }

    /**
     * Archives a pack before it serves. False when its files changed on disk while it was built: the next poll
     * builds the newer content (a failure to store throws, and the next poll tries again).
     */
    private boolean archive(RulePack pack) {
        Map<String, byte[]> files = RulePackLoader.decisiveFiles(properties.dir());
        if (archive.store(pack.version(), pack.sourceDir(), files)) {
            return true;
        }
        log.warn("Rule pack {} not archived: its files changed while it was built",
                RuleEngine.shortVersion(pack.version()));
        return false;
    }
}
