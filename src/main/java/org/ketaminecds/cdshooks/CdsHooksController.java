package org.ketaminecds.cdshooks;

import org.ketaminecds.common.OperationOutcomes;
import org.ketaminecds.common.ApiException;
import org.ketaminecds.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ketaminecds.cdshooks.WireTypes.CdsResponseJson;
import org.ketaminecds.cdshooks.WireTypes.CdsServiceJson;
import org.ketaminecds.cdshooks.WireTypes.CdsServicesJson;
import org.ketaminecds.fhir.PrefetchKey;
import org.ketaminecds.security.EhrClient;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Discovery and service calls, per CDS Hooks 2.0. */
@RestController
class CdsHooksController {
    static final String DECISION_HEADER = OperationOutcomes.DECISION_HEADER;
    private final ServiceCatalogue catalogue;
    private final DecisionService decisions;
    private final RequestParser parser;

    CdsHooksController(ServiceCatalogue catalogue, DecisionService decisions, RequestParser parser) {
        this.catalogue = catalogue;
        this.decisions = decisions;
        this.parser = parser;
    }

    @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
    CdsServicesJson discovery() {
        return new CdsServicesJson(catalogue.all().stream().map(CdsHooksController::discovery).toList());
    }

    @PostMapping(path = "/cds-services/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CdsResponseJson> call(@PathVariable String id, @RequestBody(required = false) String body,
            HttpServletRequest request) {
        EhrClient client = (EhrClient) request.getAttribute(EhrClient.ATTRIBUTE);
        if (!json(request.getContentType())) {
            String decisionId = decisions.refuse(id, client, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "A CDS Hooks request must be sent as application/json.").recordedAs(decisionId);
        }
        var tree = parseOrRefuse(id, body, client);
        DecisionService.Decision decision = decisions.decide(id, tree, client);
        return ResponseEntity.ok().header(DECISION_HEADER, decision.id()).contentType(MediaType.APPLICATION_JSON)
                .body(new CdsResponseJson(decision.cards(), null));
    }

    private tools.jackson.databind.node.ObjectNode parseOrRefuse(String id, String body, EhrClient client) {
        try {
            return parser.tree(body);
        } catch (ApiException e) {
            String decisionId = decisions.refuse(id, client, e.error());
            throw e.recordedAs(decisionId);
        }
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static CdsServiceJson discovery(CdsService service) {
        Map<String, String> prefetch = new LinkedHashMap<>();
        for (PrefetchKey key : service.prefetch()) {
            prefetch.put(key.key(), key.template());
        }
        return new CdsServiceJson(service.hook(), service.title(), service.description(), service.id(), prefetch, null);
    }
}
