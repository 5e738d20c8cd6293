package org.ketaminecds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HapiMissingDataFetcherTest {

    @Test
    void next_links_are_followed_only_on_the_fhir_server_itself() {
        String base = "https://ehr.example/fhir/r4";
        assertThat(HapiMissingDataFetcher.onServer(base, "https://ehr.example/fhir/r4?_getpages=abc")).isTrue();
        assertThat(HapiMissingDataFetcher.onServer(base + "/", "https://ehr.example/fhir/r4/Observation?page=2"))
                .isTrue();
        assertThat(HapiMissingDataFetcher.onServer(base, "https://evil.example/fhir/r4?_getpages=abc")).isFalse();
        assertThat(HapiMissingDataFetcher.onServer(base, "http://ehr.example/fhir/r4?_getpages=abc")).isFalse();
        assertThat(HapiMissingDataFetcher.onServer(base, "https://ehr.example:8443/fhir/r4?x")).isFalse();
        assertThat(HapiMissingDataFetcher.onServer(base, "https://ehr.example/fhir/r4-other?x")).isFalse();
        assertThat(HapiMissingDataFetcher.onServer(base, "https://ehr.example/fhir/r4/../../admin")).isFalse();
        assertThat(HapiMissingDataFetcher.onServer(base, "https://user@ehr.example/fhir/r4?x")).isFalse();
        assertThat(HapiMissingDataFetcher.onServer(base, "not a url")).isFalse();
    }
}
