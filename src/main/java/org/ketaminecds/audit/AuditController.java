package org.ketaminecds.audit;

import org.ketaminecds.common.OperationOutcomes;
import org.ketaminecds.common.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ketaminecds.common.ErrorCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The auditor's read API: search, decision detail, FHIR / NDJSON / CSV export, chain verification, statistics. */
@RestController
@RequestMapping("/api/audit")
class AuditController {
    private final AuditTrail trail;
    private final FhirExport fhir;
    private final ChainVerifier verifier;
    private final RuleStatistics statistics;
    private final JsonMapper json;

    /** @param json the application's one configured mapper, as for every other JSON answer */
    AuditController(AuditTrail trail, FhirExport fhir, ChainVerifier verifier, RuleStatistics statistics,
            JsonMapper json) {
        this.trail = trail;
        this.fhir = fhir;
        this.verifier = verifier;
        this.statistics = statistics;
        this.json = json;
    }

    /** Decisions matching every given filter, newest first. */
    @GetMapping("/decisions")
    Map<String, Object> search(@RequestParam(required = false) String patient,
            @RequestParam(required = false) String service, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String indicator, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        DecisionQuery query = DecisionQuery.of(patient, service, rule, indicator, outcome, from, to, page, size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", trail.count(query));
        answer.put("items", trail.search(query).stream().map(AuditTrail::view).toList());
        return answer;
    }

    /** One decision: inputs, facts, pack version, fired rules, cards, latency, its feedback and chain link. */
    @GetMapping("/decisions/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        return trail.find(id).<ResponseEntity<?>>map(r -> {
            Map<String, Object> view = AuditTrail.view(r);
            view.put("feedback", trail.feedback(id));
            view.put("chain", trail.chainLink(id));
            return ResponseEntity.ok(view);
        }).orElseGet(() -> OperationOutcomes.response(ErrorCode.NOT_FOUND, "No decision " + id + ".", null));
    }

    /** One decision as a FHIR R4 Bundle: AuditEvent, GuidanceResponse and RequestGroup. */
    @GetMapping("/decisions/{id}/fhir")
    ResponseEntity<String> oneAsFhir(@PathVariable String id) {
        return trail.find(id).map(r -> ResponseEntity.ok().contentType(OperationOutcomes.FHIR_JSON)
                .body(fhir.bundle(List.of(r))))
                .orElseGet(() -> OperationOutcomes.response(ErrorCode.NOT_FOUND, "No decision " + id + ".", null));
    }

    /** A search exported as {@code fhir} (a Bundle), {@code ndjson} (one decision per line) or {@code csv}. */
    @GetMapping("/export")
    ResponseEntity<String> export(@RequestParam(defaultValue = "fhir") String format,
            @RequestParam(required = false) String patient, @RequestParam(required = false) String service,
            @RequestParam(required = false) String rule, @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "1000") int size) {
        List<DecisionRecord> records = trail.search(DecisionQuery.of(patient, service, rule, indicator, outcome, from,
                to, page, size));
        return switch (format) {
            case "fhir" -> ResponseEntity.ok().contentType(OperationOutcomes.FHIR_JSON).body(fhir.bundle(records));
            case "ndjson" -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                    .body(String.join("", records.stream().map(r -> json.writeValueAsString(AuditTrail.view(r)) + "\n")
                            .toList()));
            case "csv" -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv")).body(Csv.of(records));
            default -> OperationOutcomes.response(ErrorCode.INVALID_FIELD, "format must be fhir, ndjson or csv.", "format");
        };
    }

    /** Walks every hash chain. */
    @GetMapping("/verify")
    Map<String, Object> verify() {
        List<ChainReport> reports = verifier.verifyAll();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("intact", reports.stream().allMatch(ChainReport::intact));
        answer.put("chains", reports);
        return answer;
    }

    /** Per rule and period: fired, cards, override rate with reasons, suggestion acceptance. */
    @GetMapping("/statistics")
    List<RuleStatistics.RuleStats> statistics(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "month") String period,
            @RequestParam(required = false) String rule) {
        if (!List.of("day", "week", "month").contains(period)) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "period must be day, week or month.", "period");
        }
        return statistics.compute(DecisionQuery.instant(from, "from"), DecisionQuery.instant(to, "to"), period, rule);
    }
}
