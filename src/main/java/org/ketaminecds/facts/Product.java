package org.ketaminecds.facts;

/** The treatment being evaluated. The knowledge base calls them K and E. */
public enum Product {
    /** IV racemic ketamine (off-label for psychiatric indications); "K" in the knowledge base. */
    KETAMINE_IV("K", "IV ketamine"),
    /** Intranasal esketamine (Spravato); "E" in the knowledge base. */
    ESKETAMINE("E", "esketamine");

    private final String letter;
    private final String label;

    Product(String letter, String label) {
        this.letter = letter;
        this.label = label;
    }

    /** "K" or "E", as in the knowledge base's "Applies" column. */
    public String letter() {
        return letter;
    }

    /** Short name for card text, for example "IV ketamine". */
    public String label() {
        return label;
    }
}
