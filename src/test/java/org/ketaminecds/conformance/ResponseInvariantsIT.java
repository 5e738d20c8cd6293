package org.ketaminecds.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ketaminecds.support.DemoServiceTest;
import org.ketaminecds.support.ExternalExamples;
import org.ketaminecds.support.FixedClockConfiguration;
import org.ketaminecds.support.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Every response the service produces satisfies the CDS Hooks 2.0 invariants: discovery (hook, id, description,
 * title, prefetch templates with root-level context tokens and the recommended query subset), and every card of
 * every fhir-samples answer. The checker itself is first shown to accept the spec's own response examples.
 */
@DemoServiceTest
class ResponseInvariantsIT {
    static final Path SPEC = ExternalExamples.path("cds-hooks-2.0.1-spec");
    static final Pattern TOKEN = Pattern.compile("\\{\\{([^}]*)}}");
    static final Set<String> USER_TOKENS = Set.of("userPractitionerId", "userPractitionerRoleId", "userPatientId",
            "userRelatedPersonId");
    static final Set<String> SEARCH_PARAMS = Set.of("patient", "subject", "status", "code", "date", "_count", "_sort",
            "_id", "encounter", "category", "clinical-status");

    @LocalServerPort
    int port;

    /** Two spec examples are trimmed to show one feature, and lack a required field: exactly that is reported. */
    static final Map<String, List<String>> SNIPPED_SPEC_EXAMPLES = Map.of(
            "response-autolaunchable.json", List.of("$.cards[0].indicator must be info, warning or critical"),
            "response-systemActions.json", List.of("$.systemActions[0].description is required (cds-resp-5)"));

    @TestFactory
    Stream<DynamicTest> the_checker_accepts_the_spec_response_examples() throws IOException {
        try (Stream<Path> files = Files.list(SPEC)) {
            return files.filter(p -> p.getFileName().toString().startsWith("response-")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () ->
                            assertThat(ResponseInvariants.of(Http.JSON.readTree(Http.read(p)))).isEqualTo(
                                    SNIPPED_SPEC_EXAMPLES.getOrDefault(p.getFileName().toString(), List.of()))));
        }
    }

    @Test
    void the_checker_catches_broken_cards() {
        JsonNode broken = Http.JSON.readTree("""
                {"cards":[{"summary":"%s","indicator":"urgent","source":{},
                  "suggestions":[{"label":"x","actions":[{"type":"delete","resource":{"resourceType":"Patient"}}]}],
                  "overrideReasons":[{"code":"c","system":"s"}],
                  "links":[{"label":"l","url":"/relative","type":"absolute","appContext":"a"}],"detail":null}]}
                """.formatted("x".repeat(150)));
        assertThat(ResponseInvariants.of(broken)).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void discovery_describes_each_service_with_valid_prefetch_templates() {
        Http.Response response = new Http(port).get("/cds-services");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).contains("application/json");
        JsonNode services = response.json().get("services");
        assertThat(services.isArray()).isTrue();
        assertThat(services.size()).isPositive();
        for (JsonNode service : services) {
            for (String field : List.of("hook", "title", "description", "id")) {
                assertThat(service.path(field).isString()).as(field).isTrue();
                assertThat(service.path(field).asString()).isNotBlank();
            }
            service.path("prefetch").properties().forEach(e -> template(e.getKey(), e.getValue().asString()));
        }
    }

    @TestFactory
    Stream<DynamicTest> every_sample_answer_satisfies_the_response_invariants() throws IOException {
        Http http = new Http(port);
        try (Stream<Path> files = Files.list(Path.of("fhir-samples"))) {
            return files.filter(p -> p.toString().endsWith(".request.json")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                        String hook = Http.JSON.readTree(Http.read(p)).get("hook").asString();
                        Http.Response response = http.postJson("/cds-services/ketamine-" + hook, Http.read(p));
                        assertThat(response.status()).isEqualTo(200);
                        assertThat(response.contentType()).contains("application/json");
                        assertThat(ResponseInvariants.of(response.json())).isEmpty();
                    }));
        }
    }

    @Test
    void a_refusal_is_an_operation_outcome() {
        Http.Response response = new Http(port).postJson("/cds-services/no-such-service", "{}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
    }

    private static void template(String key, String template) {
        assertThat(key).isNotBlank();
        assertThat(template).doesNotStartWith("http").doesNotContain("_include").doesNotContain("_has");
        Matcher tokens = TOKEN.matcher(template);
        while (tokens.find()) {
            String token = tokens.group(1);
            assertThat(token.matches("context\\.[A-Za-z]+") || USER_TOKENS.contains(token))
                    .as("token %s of %s: a root-level context field or a user id", token, key).isTrue();
        }
        int query = template.indexOf('?');
        if (query < 0) {
            assertThat(template).matches("[A-Z][A-Za-z]+/\\{\\{[^}]+}}");
            return;
        }
        assertThat(template.substring(0, query)).matches("[A-Z][A-Za-z]+");
        for (String param : template.substring(query + 1).split("&")) {
            String name = param.substring(0, param.indexOf('='));
            assertThat(name.replace(":in", "")).as("%s uses the recommended query subset", key).isIn(SEARCH_PARAMS);
        }
    }
}
