package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.DemoServiceTest;
import org.ketaminecds.support.FixedClockConfiguration;
import org.ketaminecds.support.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Hostile or broken input gets a 4xx with an OperationOutcome, never a 5xx; CORS only for configured origins. */
@DemoServiceTest
class RequestHardeningIT {
    static final String SERVICE = "/cds-services/ketamine-order-sign";
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** One byte over the default body cap, {@code ketamine.cds-hooks.limits.max-body-size: 5MB}. */
    static final String OVER_THE_LIMIT = "{\"hook\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";

    @LocalServerPort
    int port;

    @Test
    void a_body_over_the_limit_gets_413_with_an_operation_outcome() {
        Http.Response response = new Http(port).postJson(SERVICE, OVER_THE_LIMIT);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("OperationOutcome").contains("payload-too-large");
    }

    @Test
    void a_chunked_body_over_the_limit_gets_413_too() throws Exception {
        byte[] body = OVER_THE_LIMIT.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = CLIENT.send(request(SERVICE).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void a_valid_request_within_the_limit_is_answered() {
        String sample = Http.read(Path.of("fhir-samples/order-sign-ketamine-clean-patient.request.json"));
        assertThat(new Http(port).postJson(SERVICE, sample).status()).isEqualTo(200);
    }

    @Test
    void deep_nesting_and_huge_numbers_get_400() {
        String deep = "{\"hook\":" + "[".repeat(500) + "]".repeat(500) + "}";
        Http.Response nested = new Http(port).postJson(SERVICE, deep);
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.body()).contains("OperationOutcome");
        Http.Response number = new Http(port).postJson(SERVICE, "{\"hook\":" + "9".repeat(5_000) + "}");
        assertThat(number.status()).isEqualTo(400);
    }

    @Test
    void a_body_that_is_not_json_gets_415_or_400() {
        assertThat(new Http(port).post(SERVICE, "text/plain", "{}").status()).isEqualTo(415);
        assertThat(new Http(port).post(SERVICE, "application/xml", "<a/>").status()).isEqualTo(415);
        assertThat(new Http(port).postJson(SERVICE, "\u0000\u0001").status()).isEqualTo(400);
    }

    @Test
    void cors_answers_a_configured_origin_without_credentials_and_refuses_others() throws Exception {
        HttpResponse<String> allowed = preflight("https://ehr.test.example");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://ehr.test.example");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        HttpResponse<String> other = preflight("https://evil.example");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return CLIENT.send(request(SERVICE).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
