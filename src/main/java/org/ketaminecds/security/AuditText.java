package org.ketaminecds.security;

/**
 * Makes an unverified claim safe to log or record: at most 200 characters, control characters replaced, so a forged
 * token cannot forge log lines or flood the audit table.
 */
final class AuditText {
    private static final int MAX = 200;

    private AuditText() {
    }

    static String of(String claim) {
        if (claim == null) {
            return null;
        }
        String text = claim.length() > MAX ? claim.substring(0, MAX) : claim;
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return safe.toString();
    }
}
