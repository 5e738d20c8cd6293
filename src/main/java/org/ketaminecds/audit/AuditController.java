package org.ketaminecds.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The auditor's read API over the decision log. */
@RestController
@RequestMapping("/api/audit/decisions")
class AuditController {
    private final DecisionLog decisionLog;

    AuditController(DecisionLog decisionLog) {
        this.decisionLog = decisionLog;
    }

    /** A patient's decisions, newest first, with the JSON-valued fields as JSON. */
    @GetMapping
    List<Map<String, Object>> byPatient(@RequestParam("patient") String patientId,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        return decisionLog.findByPatient(patientId, limit).stream().map(AuditController::view).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> one(@PathVariable String id) {
        return decisionLog.find(id).map(r -> ResponseEntity.ok(view(r)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    static Map<String, Object> view(DecisionRecord r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.id());
        view.put("recordedAt", r.recordedAt().toString());
        view.put("serviceId", r.serviceId());
        view.put("hook", r.hook());
        view.put("hookInstance", r.hookInstance());
        view.put("patientId", r.patientId());
        view.put("userId", r.userId());
        view.put("encounterId", r.encounterId());
        view.put("clientIssuer", r.clientIssuer());
        view.put("clientJti", r.clientJti());
        view.put("inputHash", r.inputHash());
        view.put("inputs", json(r.inputsJson()));
        view.put("facts", json(r.factsJson()));
        view.put("rulePackVersion", r.rulePackVersion());
        view.put("firedRules", json(r.firedRulesJson()));
        view.put("cards", json(r.cardsJson()));
        view.put("httpStatus", r.httpStatus());
        view.put("errorCode", r.errorCode());
        view.put("latencyMs", r.latencyMs());
        view.values().removeIf(v -> v == null);
        return view;
    }

    private static JsonNode json(String text) {
        return text == null ? null : CanonicalJson.parse(text);
    }
}
