package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.ketaminecds.KetamineCdsApplication;
import org.ketaminecds.support.Http;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property-based fuzzing: the fhir-samples requests, mutated at random (fields removed, retyped, nulled, swapped,
 * bodies truncated or corrupted), are posted to a running application. Every answer must be a 2xx with cards or a
 * 4xx with a FHIR OperationOutcome; never a 5xx.
 */
class MutatedRequestsFuzzTest {
    static final Path SAMPLES = Path.of("fhir-samples");
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> STRINGS = List.of("", " ", "null", "Patient/../../x", "MedicationRequest/",
            "\u2011\u0000\u202e", "x".repeat(10_000), "2026-13-45T99:99:99Z", "order-sign", "patient-view",
            "http://127.0.0.1:9/fhir", "{\"resourceType\":\"Bundle\"}", "-1", "1e999999");
    static ConfigurableApplicationContext app;
    static Http http;

    /** One mutation: what to do, and the seed that picks where and with what. */
    record Mutation(int kind, long seed) {
    }

    @BeforeContainer
    static void start() {
        // Command-line arguments, as they override application.yml (default properties would not).
        app = new SpringApplicationBuilder(KetamineCdsApplication.class).profiles("demo").run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:fuzz;DB_CLOSE_DELAY=-1", "--ketamine.fhir.fetch.budget=500ms",
                "--ketamine.fhir.fetch.connect-timeout=200ms", "--ketamine.cds-hooks.limits.max-body-size=256KB",
                "--logging.level.root=WARN");
        http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Provide
    Arbitrary<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return Arbitraries.of(files.filter(p -> p.toString().endsWith(".request.json")).sorted().toList());
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 12),
                Arbitraries.longs()).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 250)
    void a_mutated_request_gets_cards_or_a_4xx_with_an_operation_outcome_never_a_5xx(
            @ForAll("samples") Path sample, @ForAll("mutations") List<Mutation> mutations) {
        JsonNode tree = Http.JSON.readTree(Http.read(sample));
        String body = null;
        for (Mutation mutation : mutations) {
            if (mutation.kind() >= 10) {
                body = raw(body == null ? tree.toString() : body, mutation);
            } else if (body == null) {
                tree = mutate(tree, mutation);
            }
        }
        String service = "/cds-services/ketamine-" + Http.JSON.readTree(Http.read(sample)).get("hook").asString();
        Http.Response response = http.postJson(service, body == null ? tree.toString() : body);
        Statistics.label("status").collect(response.status());
        assertThat(response.status()).as(response.body()).isBetween(200, 499);
        if (response.status() >= 300) {
            assertThat(response.contentType()).contains("json");
            assertThat(response.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
        } else {
            assertThat(response.json().get("cards").isArray()).isTrue();
        }
    }

    private static JsonNode mutate(JsonNode root, Mutation mutation) {
        Random random = new Random(mutation.seed());
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        JsonNode replacement = switch (mutation.kind()) {
            case 1 -> NODES.nullNode();
            case 2 -> random.nextBoolean() ? NODES.numberNode(random.nextLong()) : NODES.numberNode(random.nextDouble());
            case 3 -> NODES.stringNode(STRINGS.get(random.nextInt(STRINGS.size())));
            case 4 -> NODES.objectNode();
            case 5 -> NODES.arrayNode();
            case 6 -> NODES.booleanNode(random.nextBoolean());
            case 7 -> containers.get(random.nextInt(containers.size())).deepCopy();
            case 8 -> NODES.arrayNode().add(NODES.stringNode("x"));
            default -> null;
        };
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.get(random.nextInt(names.size()));
            if (replacement == null) {
                object.remove(name);
            } else {
                object.set(name, replacement);
            }
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            int index = random.nextInt(array.size());
            if (replacement == null) {
                array.remove(index);
            } else {
                array.set(index, replacement);
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static String raw(String body, Mutation mutation) {
        Random random = new Random(mutation.seed());
        int at = random.nextInt(body.length() + 1);
        return switch (mutation.kind()) {
            case 10 -> body.substring(0, at);
            case 11 -> body.substring(0, at) + "\"{[,:\\u0000\u00ff\ud800".charAt(random.nextInt(9)) + body.substring(at);
            default -> body.substring(0, at) + ",\"hook\":\"x\"" + body.substring(at);
        };
    }
}
