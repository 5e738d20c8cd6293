package org.ketaminecds.facts;

/**
 * One coding as the EHR sent it. Texts longer than 1,000 characters are cut, marked with an ellipsis.
 *
 * @param system the code system URI, for example {@code http://www.nlm.nih.gov/research/umls/rxnorm}
 * @param code the code, for example {@code 6470}
 * @param display the display text the EHR sent, may be null
 */
public record Code(String system, String code, String display) {

    public Code {
        system = Classification.text(system);
        code = Classification.text(code);
        display = Classification.text(display);
    }
}
