package org.ketaminecds.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/rules}: the live pack and the last refused candidate, for rule authors and operators. */
@RestController
class RulesController {
    private final RuleEngine engine;

    RulesController(RuleEngine engine) {
        this.engine = engine;
    }

    @GetMapping("/api/rules")
    Map<String, Object> rules() {
        RulePack pack = engine.live();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", engine.lastFailure().isPresent() ? "DEGRADED" : "UP");
        view.put("version", pack.version());
        view.put("loadedAt", pack.loadedAt().toString());
        view.put("sourceDir", pack.sourceDir());
        view.put("rules", pack.rules());
        view.put("warnings", pack.warnings().stream().map(RuleMessage::toString).toList());
        engine.lastFailure().ifPresent(failure -> {
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("version", failure.version());
            failed.put("at", failure.at().toString());
            failed.put("messages", failure.messages().stream().map(RuleMessage::toString).toList());
            failed.put("details", failure.messages());
            view.put("lastFailure", failed);
        });
        return view;
    }
}
