/**
 * What every module shares and nothing else: the one error model of the HTTP APIs (stable {@link
 * org.ketaminecds.common.ErrorCode}s answered as FHIR OperationOutcomes by one advice) and canonical JSON (the
 * form the audit trail hashes). It depends on no feature module; an architecture test keeps it so.
 */
package org.ketaminecds.common;
