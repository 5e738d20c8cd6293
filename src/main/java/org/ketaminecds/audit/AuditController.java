package org.ketaminecds.audit;

import org.ketaminecds.common.OperationOutcomes;
import org.ketaminecds.common.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketaminecds.common.ErrorCode;
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
    /** The largest search page: summaries are small, but the page is read and sent whole. */
    static final int MAX_PAGE = 200;

    /** @param json the application's one configured mapper, as for every other JSON answer */
    AuditController(AuditTrail trail, FhirExport fhir, ChainVerifier verifier, RuleStatistics statistics,
            JsonMapper json) {
        this.trail = trail;
        this.fhir = fhir;
        this.verifier = verifier;
        this.statistics = statistics;
        this.json = json;
    }

    /** Decisions matching every given filter, newest first, as summaries (at most {@value #MAX_PAGE} a page). */
    @GetMapping("/decisions")
    Map<String, Object> search(@RequestParam(required = false) String patient,
            @RequestParam(required = false) String service, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String indicator, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (size > MAX_PAGE) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "size must be between 1 and " + MAX_PAGE
                    + "; a decision's inputs, facts and cards are read one at a time (/decisions/{id}, /export).",
                    "size");
        }
        DecisionQuery query = DecisionQuery.of(patient, service, rule, indicator, outcome, from, to, page, size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", trail.count(query));
        answer.put("items", trail.summaries(query));
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

    /**
     * A search exported as {@code fhir} (a Bundle), {@code ndjson} (one decision per line) or {@code csv}, streamed:
     * the records are read and written one at a time, so an export holds one record in memory, however large.
     */
    @GetMapping("/export")
    void export(@RequestParam(defaultValue = "fhir") String format,
            @RequestParam(required = false) String patient, @RequestParam(required = false) String service,
            @RequestParam(required = false) String rule, @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "1000") int size, HttpServletResponse response) throws IOException {
        String type = switch (format) {
            case "fhir" -> OperationOutcomes.FHIR_JSON.toString();
            case "ndjson" -> "application/x-ndjson";
            case "csv" -> "text/csv";
            default -> throw new ApiException(ErrorCode.INVALID_FIELD, "format must be fhir, ndjson or csv.", "format");
        };
        List<String> ids = trail.ids(DecisionQuery.of(patient, service, rule, indicator, outcome, from, to, page,
                size));
        Iterable<DecisionRecord> records = () -> ids.stream().map(trail::find).flatMap(Optional::stream).iterator();
        response.setContentType(type);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        switch (format) {
            case "fhir" -> fhir.write(records, out);
            case "ndjson" -> {
                for (DecisionRecord r : records) {
                    out.write(json.writeValueAsString(AuditTrail.view(r)));
                    out.write('\n');
                }
            }
            default -> Csv.write(records, out);
        }
        out.flush();
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
