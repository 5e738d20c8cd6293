package org.ketaminecds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * When the live pack is built: at once in a serving process, only when asked for on the command line (which warms the
 * compiler up meanwhile).
 */
class RuleEngineTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void a_serving_engine_builds_its_pack_without_being_asked() throws InterruptedException {
        RuleEngine engine = new RuleEngine(new RulesProperties(PackCopies.minimal(), Duration.ZERO, true), CLOCK);

        for (int i = 0; i < 600 && !engine.ready(); i++) {
            Thread.sleep(100);
        }

        assertThat(engine.ready()).isTrue();
    }

    @Test
    void an_engine_that_does_not_serve_builds_nothing_until_the_pack_is_asked_for() throws Exception {
        Path pack = PackCopies.minimal();
        Path notYetThere = pack.resolveSibling(pack.getFileName() + "-later");
        RuleEngine engine = new RuleEngine(new RulesProperties(notYetThere, Duration.ZERO, false), CLOCK);
        Thread.sleep(500);
        Files.move(pack, notYetThere);

        // Built at construction, it would have failed on the missing directory, and live() would throw that.
        assertThat(engine.ready()).isFalse();
        assertThat(engine.live().rules()).extracting(RuleInfo::id).containsExactly("Z01");
    }

    @Test
    void the_compiler_warm_up_rule_compiles_against_todays_fact_model() {
        assertThat(RulePackLoader.prepareCompiler()).isTrue();
    }
}
