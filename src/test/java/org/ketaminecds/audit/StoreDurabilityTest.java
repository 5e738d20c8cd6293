package org.ketaminecds.audit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class StoreDurabilityTest {
    @TempDir
    Path dir;

    @Test
    void an_h2_file_store_that_writes_each_commit_before_returning_is_accepted() {
        assertThatCode(() -> check("jdbc:h2:file:" + dir.resolve("durable") + ";WRITE_DELAY=0"))
                .doesNotThrowAnyException();
    }

    @Test
    void an_h2_file_store_with_the_default_write_delay_is_refused_with_the_fix_in_the_message() {
        assertThatThrownBy(() -> check("jdbc:h2:file:" + dir.resolve("delayed")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WRITE_DELAY [500]")
                .hasMessageContaining(";WRITE_DELAY=0");
    }

    @Test
    void an_in_memory_h2_store_is_accepted() {
        assertThatCode(() -> check("jdbc:h2:mem:durability-" + System.nanoTime())).doesNotThrowAnyException();
    }

    private static void check(String url) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        try {
            StoreDurability.check(new JdbcTemplate(dataSource));
        } finally {
            dataSource.destroy();
        }
    }
}
