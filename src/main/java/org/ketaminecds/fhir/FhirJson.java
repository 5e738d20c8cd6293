package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * FHIR R4 JSON parsing and encoding with the one shared {@link FhirContext}. Parsing is lenient, as real EHR
 * payloads deviate from the specification; what cannot be parsed at all is an {@link InvalidResourceException}.
 */
@Component
public class FhirJson {
    private final FhirContext context;

    public FhirJson(FhirContext context) {
        this.context = context;
    }

    /** Parses one resource; {@code where} names it in the error message (for example {@code prefetch.patient}). */
    public Resource parse(String json, String where) {
        try {
            IBaseResource parsed = parser().parseResource(json);
            if (parsed instanceof Resource resource) {
                return resource;
            }
            throw new InvalidResourceException(where + " is not a FHIR R4 resource");
        } catch (DataFormatException | ClassCastException e) {
            throw new InvalidResourceException(where + " is not valid FHIR R4 JSON");
        } catch (RuntimeException e) {
            // HAPI's parser can fail on hostile input with a NullPointerException and the like (found by fuzzing).
            throw new InvalidResourceException(where + " is not valid FHIR R4 JSON");
        }
    }

    /** Encodes a resource as FHIR JSON. */
    public String encode(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }

    private IParser parser() {
        IParser parser = context.newJsonParser();
        parser.setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
        return parser;
    }

    public FhirContext context() {
        return context;
    }
}
