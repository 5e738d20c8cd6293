/**
 * The append-only decision log: one record per CDS Hooks call (including the 4xx answers), committed before the
 * response leaves, and the auditor's read API. There is no update or delete path.
 */
package org.ketaminecds.audit;
