package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.ketaminecds.KetamineCdsApplication;
import org.ketaminecds.fhir.TestFhirServer;
import org.ketaminecds.support.Http;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * No JWT, FHIR access token or patient name in any log line. The test runs the application, captures every log
 * event with debug logging of its own packages, sends it accepted and refused JWTs, fetches with an access token (accepted and
 * refused), and requests naming a patient; then it searches those events, and the output of every other test class of
 * this run already written, for the tokens and names used.
 */
class NoSecretsInLogsIT {
    static final Pattern ANY_JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+");
    static final String ACCESS_TOKEN = "fhir-access-token-log-check-5d2e81";
    static final String FAMILY = "Zyxwomplerfeld";
    static final String GIVEN = "Quentavia";
    static final String BASE = "https://cds.log-check.example";
    static final TestTokens TOKENS = new TestTokens();

    @Test
    void no_token_or_patient_name_reaches_a_log_line() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        List<String> secrets = new ArrayList<>(List.of(ACCESS_TOKEN, FAMILY, GIVEN));
        try (TestFhirServer fhir = new TestFhirServer(ACCESS_TOKEN);
                ConfigurableApplicationContext app = start()) {
            capture(log);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Path sample = Path.of("fhir-samples/order-sign-esketamine-allergy-bp-maoi.request.json");
            ObjectNode request = (ObjectNode) Http.JSON.readTree(Http.read(sample));
            ObjectNode patient = (ObjectNode) request.get("prefetch").get("patient");
            patient.putArray("name").addObject().put("family", FAMILY).putArray("given").add(GIVEN);
            serve(fhir, request);
            String path = "/cds-services/ketamine-order-sign";
            String prefetched = request.toString();
            request.remove("prefetch");
            request.put("fhirServer", fhir.baseUrl());
            request.putObject("fhirAuthorization").put("access_token", ACCESS_TOKEN).put("token_type", "Bearer")
                    .put("expires_in", 300).put("scope", "patient/*.read").put("subject", "ketamine-cds");
            String fetching = request.toString();
            String wrongToken = fetching.replace(ACCESS_TOKEN, ACCESS_TOKEN + "-wrong");
            secrets.add(ACCESS_TOKEN + "-wrong");
            Instant now = Instant.now();
            List<String> jwts = List.of(TOKENS.es384(BASE + path, now), TOKENS.rs384(BASE + path, now),
                    TOKENS.es384(BASE + path, now), TOKENS.es384(BASE + "/elsewhere", now), TOKENS.es384(BASE + path, now.minusSeconds(7200)),
                    TOKENS.es384(BASE + path, now, c -> c.issuer("https://untrusted.example/")));
            secrets.addAll(jwts);
            List<Integer> statuses = new ArrayList<>();
            int i = 0;
            for (String jwt : jwts) {
                String body = switch (i++ % 3) {
                    case 0 -> prefetched;
                    case 1 -> fetching;
                    default -> wrongToken;
                };
                statuses.add(post(port, path, jwt, body));
            }
            assertThat(statuses).containsExactly(200, 200, 412, 401, 401, 401);
            assertThat(post(port, path, jwts.get(0), prefetched)).as("replayed").isEqualTo(401);
            assertThat(post(port, path, jwts.get(1).substring(0, 40), "{\"broken")).isEqualTo(401);
        } finally {
            release(log);
        }
        String text = text(log);
        assertThat(text).contains("EHR JWT refused").contains("status=200").contains("status=412")
                .contains("FHIR fetch of");
        for (String secret : secrets) {
            assertThat(text).as("log file leaks a secret").doesNotContain(secret);
            assertThat(text).doesNotContain(secret.contains(".") ? secret.substring(secret.lastIndexOf('.') + 1)
                    : secret);
        }
        assertThat(ANY_JWT.matcher(text).find()).as("a JWT in the log").isFalse();
        assertOtherTestOutputsClean();
    }

    /** The output of the test classes already run in this build: no JWT, no test access token, no Bearer value. */
    private static void assertOtherTestOutputsClean() throws IOException {
        Path reports = Path.of("target/surefire-reports");
        if (!Files.isDirectory(reports)) {
            return;
        }
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-output.txt")).toList()) {
                String text = Files.readString(file);
                assertThat(ANY_JWT.matcher(text).find()).as("a JWT in " + file).isFalse();
                assertThat(text).as(file.toString()).doesNotContain("fhir-access-token-").doesNotContain("Bearer ey");
            }
        }
    }

    /**
     * Captures every log event of the JVM, with debug logging of the application's packages. Attached after the
     * application started, as Spring Boot resets Logback when it is the first context of the JVM.
     */
    private static void capture(ListAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        context.getLogger("org.ketaminecds").setLevel(Level.DEBUG);
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        context.getLogger("org.ketaminecds").setLevel(null);
    }

    /** Each event as a log line would show it: logger, MDC, message and any stack trace. */
    private static String text(ListAppender<ILoggingEvent> appender) {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : appender.list) {
            text.append(event.getLoggerName()).append(' ').append(event.getMDCPropertyMap()).append(' ')
                    .append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        return text.toString();
    }

    private static ConfigurableApplicationContext start() {
        // Command-line arguments, as they override application.yml (default properties would not).
        return new SpringApplicationBuilder(KetamineCdsApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:log-check;DB_CLOSE_DELAY=-1",
                "--ketamine.security.ehr-auth=required",
                "--ketamine.security.public-base-url=" + BASE,
                "--ketamine.security.trusted-issuers[0].issuer=" + TestTokens.ISSUER,
                "--ketamine.security.trusted-issuers[0].jwks=" + TOKENS.jwks(), "--ketamine.fhir.fetch.allow-http=true");
    }

    private static void serve(TestFhirServer fhir, ObjectNode request) {
        List<Resource> resources = new ArrayList<>();
        request.get("prefetch").forEach(value -> {
            if (!value.isNull()) {
                Resource resource = (Resource) FhirContext.forR4Cached().newJsonParser().parseResource(value.toString());
                resources.addAll(org.ketaminecds.fhir.FactMapper.entries(resource));
            }
        });
        fhir.serve(resources);
    }

    private static int post(int port, String path, String jwt, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + jwt).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
