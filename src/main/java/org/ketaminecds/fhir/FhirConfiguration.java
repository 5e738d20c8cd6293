package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link FhirContext}, built and warmed at startup so the first request does not pay for it. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        // Warm-up: the first encode and parse scan the model classes (about 1.5 s).
        Bundle bundle = new Bundle();
        bundle.addEntry().setResource(new Patient().setActive(true));
        String json = context.newJsonParser().encodeResourceToString(bundle);
        context.newJsonParser().parseResource(json);
        return context;
    }

    @Bean
    MissingDataFetcher missingDataFetcher(FhirContext fhirContext, FhirFetchProperties settings, Clock clock) {
        return new HapiMissingDataFetcher(fhirContext, settings, clock);
    }
}
