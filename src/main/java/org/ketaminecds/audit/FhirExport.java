package org.ketaminecds.audit;

import org.ketaminecds.common.CanonicalJson;
import java.io.IOException;
import java.io.Writer;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.fhir.FhirJson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A decision as FHIR R4: an AuditEvent in the spirit of IHE BALP (a patient query by the EHR), and the answer as a
 * GuidanceResponse whose result is a RequestGroup with one action per card (CDS Hooks clinical reasoning mapping).
 */
@Component
class FhirExport {
    static final String DECISION_SYSTEM = "urn:ketamine-cds:decision";
    private static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    private final FhirJson fhirJson;

    FhirExport(FhirJson fhirJson) {
        this.fhirJson = fhirJson;
    }

    /**
     * The records as one Bundle, written as they come: the Bundle's envelope is written here and each resource is
     * encoded on its own, so only one decision's resources are in memory at a time.
     */
    void write(Iterable<DecisionRecord> records, Writer out) throws IOException {
        out.write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":\""
                + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "\",\"entry\":[");
        boolean first = true;
        for (DecisionRecord record : records) {
            for (Resource resource : resources(record)) {
                out.write(first ? "" : ",");
                first = false;
                out.write("{\"fullUrl\":\"urn:uuid:" + resource.getIdElement().getIdPart() + "\",\"resource\":");
                out.write(fhirJson.encode(resource));
                out.write("}");
            }
        }
        out.write("]}");
    }

    String bundle(List<DecisionRecord> records) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(new Date());
        for (DecisionRecord record : records) {
            for (Resource resource : resources(record)) {
                bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdElement().getIdPart()).setResource(resource);
            }
        }
        return fhirJson.encode(bundle);
    }

    List<Resource> resources(DecisionRecord r) {
        RequestGroup group = requestGroup(r);
        GuidanceResponse response = new GuidanceResponse();
        response.setId(UUID.nameUUIDFromBytes(("guidance:" + r.id()).getBytes()).toString());
        response.addIdentifier(new Identifier().setSystem(DECISION_SYSTEM).setValue(r.id()));
        if (r.hookInstance() != null) {
            response.setRequestIdentifier(new Identifier().setValue(r.hookInstance()));
        }
        response.setModule(new org.hl7.fhir.r4.model.UriType("urn:ketamine-cds:service:" + r.serviceId()));
        response.setStatus(r.httpStatus() < 300 ? GuidanceResponse.GuidanceResponseStatus.SUCCESS
                : GuidanceResponse.GuidanceResponseStatus.FAILURE);
        if (r.patientId() != null) {
            response.setSubject(new Reference("Patient/" + r.patientId()));
        }
        response.setOccurrenceDateTime(Date.from(r.recordedAt()));
        response.setPerformer(new Reference().setDisplay("ketamine-cds rule pack " + r.rulePackVersion()));
        response.setResult(new Reference("urn:uuid:" + group.getIdElement().getIdPart()));
        return List.of(auditEvent(r), response, group);
    }

    private RequestGroup requestGroup(DecisionRecord r) {
        RequestGroup group = new RequestGroup();
        group.setId(UUID.nameUUIDFromBytes(("cards:" + r.id()).getBytes()).toString());
        group.setStatus(RequestGroup.RequestStatus.ACTIVE).setIntent(RequestGroup.RequestIntent.PROPOSAL);
        if (r.hookInstance() != null) {
            group.addIdentifier(new Identifier().setValue(r.hookInstance()));
        }
        if (r.patientId() != null) {
            group.setSubject(new Reference("Patient/" + r.patientId()));
        }
        if (r.cardsJson() != null) {
            for (JsonNode card : CanonicalJson.parse(r.cardsJson())) {
                var action = group.addAction().setTitle(card.path("summary").asString(null))
                        .setDescription(card.path("detail").asString(null));
                action.setId(card.path("uuid").asString(null));
                action.setPriority(switch (card.path("indicator").asString("info")) {
                    case "critical" -> RequestGroup.RequestPriority.STAT;
                    case "warning" -> RequestGroup.RequestPriority.URGENT;
                    default -> RequestGroup.RequestPriority.ROUTINE;
                });
                card.path("suggestions").forEach(s -> action.addAction().setTitle(s.path("label").asString(null))
                        .setId(s.path("uuid").asString(null)));
            }
        }
        return group;
    }

    private static AuditEvent auditEvent(DecisionRecord r) {
        AuditEvent event = new AuditEvent();
        event.setId(UUID.nameUUIDFromBytes(("audit:" + r.id()).getBytes()).toString());
        event.getMeta().addProfile("https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientQuery");
        event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
        event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", "search-type", "search"));
        event.setAction(AuditEvent.AuditEventAction.E).setRecorded(Date.from(r.recordedAt()));
        event.setOutcome(r.httpStatus() < 300 ? AuditEvent.AuditEventOutcome._0
                : r.httpStatus() < 500 ? AuditEvent.AuditEventOutcome._4 : AuditEvent.AuditEventOutcome._8);
        if (r.errorCode() != null) {
            event.setOutcomeDesc(r.errorCode());
        }
        var client = event.addAgent().setRequestor(true);
        client.setType(new CodeableConcept(new Coding(DCM, "110153", "Source Role ID")));
        client.setWho(new Reference().setIdentifier(new Identifier().setSystem(r.clientIssuer())
                .setValue(r.clientIssuer() == null ? "unauthenticated" : "ehr")).setDisplay(r.clientIssuer()));
        if (r.clientJti() != null) {
            client.addPolicy(r.clientJti());
        }
        if (r.userId() != null) {
            event.addAgent().setRequestor(false).setWho(new Reference(r.userId()))
                    .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                            "IRCP", "information recipient")));
        }
        event.addAgent().setRequestor(false).setWho(new Reference().setDisplay("ketamine-cds " + r.serviceId()))
                .setType(new CodeableConcept(new Coding(DCM, "110152", "Destination Role ID")));
        event.getSource().setObserver(new Reference().setDisplay("ketamine-cds")).addType(new Coding(
                "http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));
        if (r.patientId() != null) {
            event.addEntity().setWhat(new Reference("Patient/" + r.patientId()))
                    .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
        }
        event.addEntity().setWhat(new Reference().setIdentifier(new Identifier().setSystem(DECISION_SYSTEM)
                .setValue(r.id()))).setName(r.hook()).setDescription("hookInstance " + r.hookInstance()
                + "; input hash " + r.inputHash())
                .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"))
                .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "24", "Query"));
        if (r.inputsJson() != null) {
            for (JsonNode input : CanonicalJson.parse(r.inputsJson())) {
                String ref = input.path("ref").asString(null);
                if (ref != null) {
                    var entity = event.addEntity().setWhat(new Reference(ref))
                            .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2",
                                    "System Object"));
                    entity.addDetail().setType("source").setValue(new org.hl7.fhir.r4.model.StringType(
                            input.path("source").asString("")));
                    if (input.hasNonNull("version")) {
                        entity.addDetail().setType("versionId").setValue(new org.hl7.fhir.r4.model.StringType(
                                input.path("version").asString()));
                    }
                }
            }
        }
        return event;
    }

}
