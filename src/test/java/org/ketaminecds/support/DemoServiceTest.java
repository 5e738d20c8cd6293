package org.ketaminecds.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a real port, demo profile (EHR authentication off, the demo auditor account), the shipped
 * rules, an in-memory H2 audit store and the clock fixed at {@link FixedClockConfiguration#SAMPLES_NOW}. Every test
 * class with this annotation shares ONE application context (Spring caches it by configuration), so the service
 * starts and compiles its rule pack once for all of them: such tests must not assume an empty audit trail.
 * Fetch timeouts are short because tests fetch from servers on loopback only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-service;DB_CLOSE_DELAY=-1",
    "ketamine.fhir.fetch.budget=2s", "ketamine.fhir.fetch.read-timeout=1500ms",
    "ketamine.fhir.fetch.connect-timeout=500ms", "ketamine.cors.allowed-origins=https://ehr.test.example"})
@ActiveProfiles("demo")
@Import(FixedClockConfiguration.class)
public @interface DemoServiceTest {
}
