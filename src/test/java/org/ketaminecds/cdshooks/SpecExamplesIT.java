package org.ketaminecds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminecds.support.DemoServiceTest;
import org.ketaminecds.support.ExternalExamples;
import org.ketaminecds.support.FixedClockConfiguration;
import org.ketaminecds.support.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP surface against the specification's own examples in {@code src/test/resources/external/cds-hooks/}
 * ({@link ExternalExamples}): discovery has the shape of the spec's discovery response, the hook library's contexts
 * are accepted, and every response satisfies the response invariants cds-resp-2 to cds-resp-6 of the 3.0 logical
 * model.
 */
@DemoServiceTest
class SpecExamplesIT {
    static final Pattern TOKEN = Pattern.compile("\\{\\{([^}]*)}}");
    static final Set<String> CONTEXT_TOKENS = Set.of("context.patientId", "context.userId", "context.encounterId",
            "userPractitionerId", "userPractitionerRoleId", "userPatientId", "userRelatedPersonId");

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void discovery_has_the_fields_of_the_specifications_discovery_example() {
        JsonNode example = Http.JSON.readTree(
                Http.read(ExternalExamples.path("cds-hooks-2.0.1-spec/discovery-response.json")));
        JsonNode ours = http.get("/cds-services").json();
        Set<String> required = Set.of("hook", "description", "id");
        assertThat(example.get("services").get(0).propertyNames()).containsAll(required);
        assertThat(ours.get("services")).hasSize(4);
        Map<String, String> hooks = Map.of("ketamine-order-sign", "order-sign", "ketamine-order-select", "order-select",
                "ketamine-patient-view", "patient-view", "ketamine-appointment-book", "appointment-book");
        for (JsonNode service : ours.get("services")) {
            assertThat(service.propertyNames()).containsAll(required).contains("title", "prefetch");
            assertThat(hooks.get(service.get("id").asString())).isEqualTo(service.get("hook").asString());
            for (var template : service.get("prefetch").properties()) {
                Matcher tokens = TOKEN.matcher(template.getValue().asString());
                while (tokens.find()) {
                    assertThat(CONTEXT_TOKENS).as("prefetch token of %s", template.getKey()).contains(tokens.group(1));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} is accepted by {1}")
    @CsvSource({"order-sign-context-R4.json, ketamine-order-sign, order-sign",
        "order-select-context-R4.json, ketamine-order-select, order-select",
        "patient-view-context.json, ketamine-patient-view, patient-view",
        "patient-view-context-encounter.json, ketamine-patient-view, patient-view",
        "appointment-book-context-STU3.json, ketamine-appointment-book, appointment-book",
        "appointment-book-context-STU3-b.json, ketamine-appointment-book, appointment-book"})
    void the_hook_library_contexts_are_accepted(String file, String service, String hook) {
        JsonNode example = Http.JSON.readTree(Http.read(ExternalExamples.path("hooks-library/" + file)));
        ObjectNode request = (ObjectNode) Http.JSON.readTree(Http.read(
                Path.of("fhir-samples/order-sign-ketamine-clean-patient.request.json")));
        request.put("hook", hook);
        request.set("context", example.get("context"));
        Http.Response response = http.postJson("/cds-services/" + service, request.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("cards").isArray()).isTrue();
    }

    @Test
    void every_response_to_the_samples_satisfies_the_response_invariants() throws IOException {
        List<JsonNode> cards = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("fhir-samples"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".request.json")).sorted().toList()) {
                JsonNode request = Http.JSON.readTree(Http.read(file));
                Http.Response response = http.postJson("/cds-services/ketamine-" + request.get("hook").asString(),
                        Http.read(file));
                assertThat(response.status()).isEqualTo(200);
                assertNoNullOrEmptyMembers(response.json(), "");
                response.json().get("cards").forEach(cards::add);
            }
        }
        assertThat(cards).isNotEmpty();
        for (JsonNode card : cards) {
            assertThat(card.get("summary").asString().length()).isLessThan(140);
            assertThat(card.get("indicator").asString()).isIn("info", "warning", "critical");
            assertThat(card.at("/source/label").asString()).isNotBlank();
            assertThat(card.at("/source/topic/code").asString()).matches("[A-Za-z0-9]+");
            if (!card.get("indicator").asString().equals("info")) {
                assertThat(card.get("overrideReasons")).as("warning and critical cards offer override reasons").isNotEmpty();
            }
            card.path("overrideReasons").forEach(reason -> // cds-resp-4
                    assertThat(reason.path("display").asString()).isNotBlank());
            if (card.has("suggestions")) { // cds-resp-6
                assertThat(card.get("selectionBehavior").asString()).isIn("at-most-one", "any");
            }
            card.path("suggestions").forEach(suggestion -> suggestion.path("actions").forEach(action -> {
                assertThat(action.path("description").asString()).isNotBlank(); // cds-resp-5
                if (action.get("type").asString().equals("delete")) { // cds-resp-2
                    assertThat(action.has("resourceId")).isTrue();
                    assertThat(action.has("resource")).isFalse();
                }
            }));
            card.path("links").forEach(link -> { // cds-resp-3
                if (link.has("appContext")) {
                    assertThat(link.get("type").asString()).isEqualTo("smart");
                }
            });
        }
    }

    private static void assertNoNullOrEmptyMembers(JsonNode node, String path) {
        if (node.isObject()) {
            for (var member : node.properties()) {
                String at = path + "/" + member.getKey();
                JsonNode value = member.getValue();
                assertThat(value.isNull()).as(at).isFalse();
                if (!at.equals("/cards")) {
                    assertThat(value.isEmpty() && (value.isObject() || value.isArray()) || value.isString()
                            && value.asString().isEmpty()).as(at + " is empty").isFalse();
                }
                assertNoNullOrEmptyMembers(value, at);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertNoNullOrEmptyMembers(node.get(i), path + "/" + i);
            }
        }
    }
}
