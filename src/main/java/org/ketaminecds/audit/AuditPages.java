package org.ketaminecds.audit;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /audit}: the auditor's pages (static resources under {@code static/audit/}, behind the auditor role). */
@Controller
class AuditPages {

    @GetMapping({"/audit", "/audit/"})
    String index() {
        return "forward:/audit/index.html";
    }
}
