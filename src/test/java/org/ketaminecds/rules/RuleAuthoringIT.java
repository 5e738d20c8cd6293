package org.ketaminecds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ketaminecds.cli.CliRun;
import org.ketaminecds.support.AuditorAccount;
import org.ketaminecds.support.FixedClockConfiguration;
import org.ketaminecds.support.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The rule author's workflow against a running service on a copy of the shipped pack: every decision replays
 * identically with its archived pack, {@code rules replay} lists exactly the decisions a changed pack changes, and a
 * broken DRL file is refused while the last good pack keeps answering, until a fix with a new rule goes live.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Import(FixedClockConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleAuthoringIT {
    static final String DB_URL = "jdbc:h2:mem:rule-authoring-it;DB_CLOSE_DELAY=-1";
    static final Path SERVED = PackCopies.copy();
    static final Map<String, String> DECISIONS = new LinkedHashMap<>();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DB_URL);
        registry.add("ketamine.rules.dir", SERVED::toString);
        registry.add("ketamine.rules.reload-interval", () -> "200ms");
    }

    @Test
    @Order(1)
    void every_sample_decision_replayed_with_its_archived_pack_gives_the_same_cards() throws Exception {
        Http http = new Http(port);
        for (Path request : samples()) {
            Http.Response response = post(http, request);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            DECISIONS.put(response.decisionId(), request.getFileName().toString());
        }
        int replayed = 0;
        for (String id : DECISIONS.keySet()) {
            Http.Response replay = http.get("/api/audit/decisions/" + id + "/replay?pack=archived", "Authorization", AuditorAccount.DEMO);
            if (replay.status() == 409) {
                continue; // not a ketamine order: the rules did not run
            }
            assertThat(replay.status()).as(replay.body()).isEqualTo(200);
            JsonNode body = replay.json();
            assertThat(body.get("identical").asBoolean()).as(DECISIONS.get(id) + " " + body).isTrue();
            assertThat(body.get("added")).isEmpty();
            assertThat(body.get("removed")).isEmpty();
            assertThat(body.get("changed")).isEmpty();
            assertThat(body.get("packVersion").asString()).isEqualTo(RulePackLoader.version(SERVED));
            replayed++;
        }
        assertThat(replayed).isGreaterThanOrEqualTo(DECISIONS.size() - 1);
    }

    @Test
    @Order(2)
    void replay_of_the_unchanged_pack_reports_no_differences() {
        JsonNode report = replayCli(PackCopies.copy());
        assertThat(report.get("replayed").asInt()).isGreaterThanOrEqualTo(DECISIONS.size() - 1);
        assertThat(report.get("differing").asInt()).isZero();
        assertThat(report.get("totals")).isEmpty();
    }

    @Test
    @Order(2)
    void replay_filters_by_service_and_date() {
        Path candidate = PackCopies.copy();
        JsonNode all = replayCli(candidate);
        JsonNode patientView = replayCli(candidate, "--service", "ketamine-patient-view");
        assertThat(patientView.get("replayed").asInt()).isPositive().isLessThan(all.get("replayed").asInt());
        assertThat(replayCli(candidate, "--since", "2999-01-01").get("replayed").asInt()).isZero();
    }

    @Test
    @Order(2)
    void the_replay_endpoint_replays_with_the_live_pack_and_explains_what_it_cannot_replay() {
        Http http = new Http(port);
        String evaluated = null;
        String notEvaluated = null;
        for (String id : DECISIONS.keySet()) {
            boolean hasFacts = http.get("/api/audit/decisions/" + id, "Authorization", AuditorAccount.DEMO).json().has("facts");
            if (hasFacts) {
                evaluated = id;
            } else {
                notEvaluated = id;
            }
        }
        JsonNode live = http.get("/api/audit/decisions/" + evaluated + "/replay?pack=live", "Authorization", AuditorAccount.DEMO).json();
        assertThat(live.get("packVersion").asString()).isEqualTo(http.get("/api/rules").json().get("version").asString());
        assertThat(live.get("identical").asBoolean()).isTrue();
        assertThat(http.get("/api/audit/decisions/" + notEvaluated + "/replay", "Authorization", AuditorAccount.DEMO).status()).isEqualTo(409);
        assertThat(http.get("/api/audit/decisions/no-such-decision/replay", "Authorization", AuditorAccount.DEMO).status()).isEqualTo(404);
        assertThat(http.get("/api/audit/decisions/" + evaluated + "/replay?pack=yesterday", "Authorization", AuditorAccount.DEMO).status()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void replay_of_a_changed_pack_lists_exactly_the_decisions_whose_cards_change() throws Exception {
        Path candidate = PackCopies.copy();
        Files.delete(candidate.resolve("interactions/B08-theophylline.drl"));
        Http http = new Http(port);
        Set<String> withB08 = new HashSet<>();
        for (String id : DECISIONS.keySet()) {
            http.get("/api/audit/decisions/" + id, "Authorization", AuditorAccount.DEMO).json().path("cards").forEach(card -> {
                if (card.path("source").path("topic").path("code").asString().equals("B08")) {
                    withB08.add(id);
                }
            });
        }
        assertThat(withB08).isNotEmpty();

        JsonNode report = replayCli(candidate);

        Set<String> listed = new HashSet<>();
        for (JsonNode decision : report.get("decisions")) {
            listed.add(decision.get("decisionId").asString());
            assertThat(decision.get("removed")).hasSize(1);
            assertThat(decision.get("removed").get(0).get("ruleId").asString()).isEqualTo("B08");
            assertThat(decision.get("added")).isEmpty();
            assertThat(decision.get("changed")).isEmpty();
        }
        assertThat(listed).isEqualTo(withB08);
        assertThat(report.get("totals")).hasSize(1);
        assertThat(report.get("totals").get(0).get("removed").asInt()).isEqualTo(withB08.size());
    }

    @Test
    @Order(4)
    void a_broken_rule_file_is_refused_while_answers_stay_the_same_and_a_fix_with_a_new_rule_goes_live()
            throws Exception {
        Http http = new Http(port);
        Path sample = samples().stream().filter(p -> p.toString().contains("allergy-bp-maoi")).findFirst().orElseThrow();
        JsonNode before = Replay.withoutUuids(post(http, sample).json());
        String liveVersion = http.get("/api/rules").json().get("version").asString();

        PackCopies.breakA05(SERVED);
        JsonNode rules = await(http, r -> r.has("lastFailure"));
        assertThat(rules.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(rules.get("version").asString()).isEqualTo(liveVersion);
        assertThat(rules.get("lastFailure").get("messages").get(0).asString())
                .startsWith("suitability/A05-A06-pre-dose-blood-pressure.drl:")
                .contains("A05 Pre-dose blood pressure above 140/90");
        JsonNode health = http.get("/actuator/health").json();
        assertThat(health.get("components").get("rules").get("status").asString()).isEqualTo("DEGRADED");
        assertThat(health.get("components").get("rules").get("details").get("failures").get(0).asString())
                .contains("A05-A06-pre-dose-blood-pressure.drl:");
        assertThat(Replay.withoutUuids(post(http, sample).json())).isEqualTo(before);

        PackCopies.fixA05(SERVED);
        PackCopies.addNewRule(SERVED);
        rules = await(http, r -> !r.get("version").asString().equals(liveVersion) && !r.has("lastFailure"));
        assertThat(rules.get("status").asString()).isEqualTo("UP");
        List<String> ids = new ArrayList<>();
        rules.get("rules").forEach(r -> ids.add(r.get("id").asString()));
        assertThat(ids).contains("Z01");
        Http.Response after = post(http, sample);
        List<String> expected = new ArrayList<>(codes(before));
        expected.add("Z01");
        assertThat(codes(after.json())).containsExactlyInAnyOrderElementsOf(expected);
        JsonNode replay = http.get("/api/audit/decisions/" + after.decisionId() + "/replay?pack=archived", "Authorization", AuditorAccount.DEMO).json();
        assertThat(replay.get("identical").asBoolean()).isTrue();
        assertThat(replay.get("packVersion").asString()).isEqualTo(rules.get("version").asString());
    }

    private static List<String> codes(JsonNode response) {
        List<String> codes = new ArrayList<>();
        response.get("cards").forEach(c -> codes.add(c.get("source").get("topic").get("code").asString()));
        return codes;
    }

    private static JsonNode await(Http http, Predicate<JsonNode> condition) throws InterruptedException {
        JsonNode rules = null;
        for (int i = 0; i < 300; i++) {
            rules = http.get("/api/rules").json();
            if (condition.test(rules)) {
                return rules;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not reached within 30 s; /api/rules lastFailure is "
                + rules.get("lastFailure"));
    }

    private static JsonNode replayCli(Path candidate, String... filters) {
        List<String> args = new ArrayList<>(List.of("rules", "replay", "--candidate", candidate.toString(), "--db-url",
                DB_URL, "--json"));
        args.addAll(List.of(filters));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.status()).as(run.toString()).isZero();
        return run.json();
    }

    private static Http.Response post(Http http, Path request) {
        JsonNode json = Http.JSON.readTree(Http.read(request));
        return http.postJson("/cds-services/ketamine-" + json.get("hook").asString(), Http.read(request));
    }

    private static List<Path> samples() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("fhir-samples"))) {
            return files.filter(p -> p.toString().endsWith(".request.json")).sorted().toList();
        }
    }
}
