/**
 * The auditors' product: the append-only, hash-chained decision log (one record per CDS Hooks call, 4xx included,
 * committed before the response leaves), clinician feedback, the record of who read the trail, the chain verifier
 * ({@link org.ketaminecds.audit.ChainVerifier}, {@code GET /api/audit/verify}, {@code audit verify}),
 * searches, FHIR / NDJSON / CSV exports, rule statistics, the auditor pages at {@code /audit}, and the one security
 * filter chain that reserves them to the auditor role. There is no update or delete path; the database refuses
 * them too. See {@code docs/audit-trail.md}.
 */
package org.ketaminecds.audit;
