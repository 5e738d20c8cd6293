package org.ketaminecds.facts;

import java.math.BigDecimal;

/** Formatting of numbers for card text: no trailing zeros, no scientific notation. */
final class Values {
    private Values() {
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
