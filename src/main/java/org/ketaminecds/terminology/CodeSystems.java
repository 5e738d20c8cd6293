package org.ketaminecds.terminology;

import java.util.Map;
import java.util.Set;

/** The code systems a value set may use, with the short names card text and audit records show. */
public final class CodeSystems {
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String ATC = "http://www.whocc.no/atc";
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    public static final String NDC = "http://hl7.org/fhir/sid/ndc";
    /** The project's own CodeSystem for concepts with no verified standard code (MADRS, C-SSRS, CADSS ...). */
    public static final String LOCAL = "https://ketamine-cds.example.org/CodeSystem/ketamine-cds-local";

    private static final Map<String, String> SHORT_NAMES = Map.of(RXNORM, "RxNorm", ATC, "ATC", ICD10CM,
            "ICD-10-CM", SNOMED, "SNOMED CT", LOINC, "LOINC", NDC, "NDC", LOCAL, "ketamine-cds local");

    private CodeSystems() {
    }

    /** The systems a value set may list; anything else is a validation error. */
    public static Set<String> allowed() {
        return SHORT_NAMES.keySet();
    }

    /** For example {@code RxNorm} for the RxNorm URI; the URI itself for an unknown system. */
    public static String shortName(String system) {
        return SHORT_NAMES.getOrDefault(system, system);
    }

    /** The system as an index key: no trailing slash, lower case. */
    static String key(String uri) {
        return uri == null ? "" : strip(uri).toLowerCase(java.util.Locale.ROOT);
    }

    private static String strip(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
