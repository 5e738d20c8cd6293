package org.ketaminecds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.AuditorAccount;
import org.ketaminecds.support.Http;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * "No decision without its audit record" across a crash: the service runs as a separate JVM under a load of
 * concurrent order-sign calls, is killed with SIGKILL while calls are in flight, and is restarted on the same store.
 * Every decision id a client received ({@code X-Decision-Id} of a complete answer) must then be in the trail, and the
 * trail must verify. Once on the embedded default store (the H2 file URL of {@code application.yml}, unchanged) and
 * once on PostgreSQL ({@code postgres} profile).
 *
 * <p>Only the service is killed: the PostgreSQL server keeps running (an operating-system crash or power loss is
 * not simulated; see docs/audit-trail.md, "Durability").
 */
class KillNineDurabilityIT {
    static final Path OUTPUT = Path.of("target", "kill-nine");
    static final Path SAMPLES = Path.of("fhir-samples");
    static final String SERVICE = "/cds-services/ketamine-order-sign";
    static final int CLIENTS = 8;
    /** Decisions received before the kill: enough that some are committed in the instant before it. */
    static final int KILL_AFTER = 200;
    /** Bounds on the load, should the kill never come (a service that stopped answering). */
    static final int MAX_CALLS_PER_CLIENT = 400;
    static final Duration MAX_LOAD = Duration.ofSeconds(45);
    /** 128 + 9: the exit status of a process killed by SIGKILL. */
    static final int KILLED_BY_SIGKILL = 137;
    static final List<ServiceProcess> STARTED = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stopEveryService() {
        STARTED.forEach(ServiceProcess::close);
    }

    @Test
    void every_decision_a_client_received_survives_a_kill_nine_on_the_embedded_h2_store() throws Exception {
        // No datasource argument: the store is exactly the default of application.yml, under the working directory.
        survivesKillNine("h2", Map.of(), "demo");
    }

    @Test
    void every_decision_a_client_received_survives_a_kill_nine_on_postgresql() throws Exception {
        String database = "killnine" + System.nanoTime();
        new JdbcTemplate(PostgresAudit.server().getPostgresDatabase()).execute("CREATE DATABASE " + database);
        survivesKillNine("postgres", Map.of("KETAMINE_DB_URL", PostgresAudit.jdbcUrl(database),
                "KETAMINE_DB_USER", "postgres", "KETAMINE_DB_PASSWORD", "postgres"), "demo,postgres");
    }

    private static void survivesKillNine(String store, Map<String, String> environment, String profiles)
            throws Exception {
        Path workDir = emptyDirectory(OUTPUT.resolve(store));
        Path firstLog = fresh(OUTPUT.resolve(store + "-killed.log"));
        Path secondLog = fresh(OUTPUT.resolve(store + "-restarted.log"));
        List<String> arguments = List.of("--spring.profiles.active=" + profiles,
                "--ketamine.rules.dir=" + Path.of("rules").toAbsolutePath());

        Load load;
        try (ServiceProcess first = started(ServiceProcess.start(workDir, firstLog, environment, arguments))) {
            load = loadAndKill(first);
        }
        try (ServiceProcess second = started(ServiceProcess.start(workDir, secondLog, environment, arguments))) {
            Http http = second.http();
            Set<String> recorded = recordedDecisionIds(http);
            List<String> lost = load.received().stream().filter(id -> !recorded.contains(id)).sorted().toList();
            for (String id : lost) {
                // Absent from the listing; the decision detail must say so too.
                assertThat(http.get("/api/audit/decisions/" + id, "Authorization", AuditorAccount.DEMO).status())
                        .as("reading decision %s back; see %s", id, secondLog.toAbsolutePath()).isEqualTo(404);
            }
            JsonNode verify = http.get("/api/audit/verify", "Authorization", AuditorAccount.DEMO).json();
            System.out.printf("kill -9 on %s: received %d, found %d, lost %d (calls in flight at the kill %d, "
                    + "failed calls %d, decision records after the restart %d, exit status %d)%n", store,
                    load.received().size(), load.received().size() - lost.size(), lost.size(), load.inFlightAtKill(),
                    load.failed(), decisionChainLength(verify), load.exitStatus());

            String logs = "service output: " + firstLog.toAbsolutePath() + " and " + secondLog.toAbsolutePath();
            assertThat(load.exitStatus()).as("exit status of the killed service; " + logs)
                    .isEqualTo(KILLED_BY_SIGKILL);
            assertThat(load.inFlightAtKill()).as("calls in flight at the kill").isPositive();
            assertThat(load.received()).as("decisions received before the kill; " + logs).hasSizeGreaterThan(50);
            assertThat(lost).as("decisions a client received that are not in the trail after kill -9 on %s (%d of %d)"
                    + "; %s", store, lost.size(), load.received().size(), logs).isEmpty();
            assertThat(verify.get("intact").asBoolean()).as("chain verification %s; %s", verify, logs).isTrue();
        }
    }

    /** What the clients saw before and during the kill. */
    record Load(Set<String> received, int inFlightAtKill, int failed, int exitStatus) {
    }

    /**
     * Eight clients post the order-sign samples in a loop; once {@link #KILL_AFTER} decisions have come back the
     * service is killed while the clients are still calling. Calls cut by the kill fail and are not counted as
     * received: their decision may or may not be recorded, and no client saw its id.
     */
    private static Load loadAndKill(ServiceProcess service) throws Exception {
        List<String> bodies = orderSignSamples();
        Http http = service.http();
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; i < MAX_CALLS_PER_CLIENT && !killed.get(); i++) {
                        inFlight.incrementAndGet();
                        try {
                            Http.Response answer = http.postJson(SERVICE, bodies.get((client + i) % bodies.size()));
                            if (answer.decisionId() != null) {
                                received.add(answer.decisionId());
                            }
                        } catch (IllegalStateException connectionCut) {
                            failed.incrementAndGet();
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + MAX_LOAD.toNanos();
            while (received.size() < KILL_AFTER && System.nanoTime() < deadline) {
                ServiceProcess.sleep(2);
            }
            int inFlightAtKill = inFlight.get();
            int exitStatus = service.killNine();
            killed.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("clients stopped").isTrue();
            return new Load(Set.copyOf(received), inFlightAtKill, failed.get(), exitStatus);
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Every decision id in the trail, through the auditor's search (one call per 200 decisions, the largest page:
     * each call to the audit API checks the demo auditor's bcrypt password, too slow for one call per decision).
     */
    private static Set<String> recordedDecisionIds(Http http) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode answer = http.get("/api/audit/decisions?size=200&page=" + page, "Authorization",
                    AuditorAccount.DEMO).json();
            answer.get("items").forEach(item -> ids.add(item.get("id").asString()));
            if (answer.get("items").isEmpty() || ids.size() >= answer.get("total").asLong()) {
                return ids;
            }
        }
    }

    private static long decisionChainLength(JsonNode verify) {
        for (JsonNode chain : verify.get("chains")) {
            if (chain.get("chain").asString().equals("decision")) {
                return chain.get("records").asLong();
            }
        }
        return -1;
    }

    private static List<String> orderSignSamples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> p.getFileName().toString().matches("order-sign-.*\\.request\\.json")).sorted()
                    .map(Http::read).toList();
        }
    }

    private static ServiceProcess started(ServiceProcess service) {
        STARTED.add(service);
        return service;
    }

    private static Path emptyDirectory(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return Files.createDirectories(directory);
    }

    private static Path fresh(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        return file;
    }
}
