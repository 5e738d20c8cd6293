package org.ketaminecds.fhir;

/** A resource in prefetch or context is not valid FHIR R4 JSON: the service answers 400. */
public class InvalidResourceException extends RuntimeException {
    public InvalidResourceException(String message) {
        super(message);
    }
}
