-- PostgreSQL: the audit tables refuse UPDATE, DELETE and TRUNCATE, whoever asks. A superuser can still disable the
-- triggers: that is what the hash chain is for. Operators should also grant the service role INSERT and SELECT only
-- (see docs/audit-trail.md).
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit table % is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE TRIGGER decision_record_append_only BEFORE UPDATE OR DELETE ON decision_record
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER decision_record_no_truncate BEFORE TRUNCATE ON decision_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER decision_card_append_only BEFORE UPDATE OR DELETE ON decision_card
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER decision_card_no_truncate BEFORE TRUNCATE ON decision_card
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER decision_rule_append_only BEFORE UPDATE OR DELETE ON decision_rule
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER decision_rule_no_truncate BEFORE TRUNCATE ON decision_rule
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER card_feedback_append_only BEFORE UPDATE OR DELETE ON card_feedback
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER card_feedback_no_truncate BEFORE TRUNCATE ON card_feedback
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_access_append_only BEFORE UPDATE OR DELETE ON audit_access
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_access_no_truncate BEFORE TRUNCATE ON audit_access
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
