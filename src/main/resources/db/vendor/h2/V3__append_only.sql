-- H2 (embedded default): the audit tables refuse UPDATE and DELETE (H2 does not fire triggers on TRUNCATE).
CREATE TRIGGER decision_record_append_only BEFORE UPDATE, DELETE ON decision_record
    FOR EACH ROW CALL 'org.ketaminecds.audit.AppendOnlyTrigger';
CREATE TRIGGER decision_card_append_only BEFORE UPDATE, DELETE ON decision_card
    FOR EACH ROW CALL 'org.ketaminecds.audit.AppendOnlyTrigger';
CREATE TRIGGER decision_rule_append_only BEFORE UPDATE, DELETE ON decision_rule
    FOR EACH ROW CALL 'org.ketaminecds.audit.AppendOnlyTrigger';
CREATE TRIGGER card_feedback_append_only BEFORE UPDATE, DELETE ON card_feedback
    FOR EACH ROW CALL 'org.ketaminecds.audit.AppendOnlyTrigger';
CREATE TRIGGER audit_access_append_only BEFORE UPDATE, DELETE ON audit_access
    FOR EACH ROW CALL 'org.ketaminecds.audit.AppendOnlyTrigger';
