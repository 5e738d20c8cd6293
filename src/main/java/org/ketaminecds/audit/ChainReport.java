package org.ketaminecds.audit;

/**
 * The result of walking one hash chain.
 *
 * @param chain {@code decision}, {@code feedback} or {@code access}
 * @param intact whether every record is present, in order and unmodified
 * @param records how many records were walked
 * @param firstBrokenPosition the chain position of the first broken record (null when intact)
 * @param firstBrokenId the id of the first broken record (null when intact or when the record is gone)
 * @param problem what is wrong there: {@code modified}, {@code deleted}, {@code reordered} or {@code truncated}
 * @param detail a sentence for the operator
 */
public record ChainReport(String chain, boolean intact, long records, Long firstBrokenPosition, String firstBrokenId,
        String problem, String detail) {

    static ChainReport intact(String chain, long records) {
        return new ChainReport(chain, true, records, null, null, null, "all " + records + " records verify");
    }
}
