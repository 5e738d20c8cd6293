package org.ketaminecds.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The audit trail's stores, all on the application's one DataSource. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    HashChain hashChain(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        // Every record is appended through the chain: refuse a store that could lose them before the first one.
        StoreDurability.check(jdbc);
        return new HashChain(jdbc, transactionManager);
    }

    @Bean
    DecisionLog decisionLog(HashChain chain) {
        return new JdbcDecisionLog(chain);
    }

    /** A decision log over a database, outside the application context (the CLI, until it shares the wiring). */
    public static DecisionLog decisionLog(javax.sql.DataSource dataSource) {
        return new JdbcDecisionLog(new HashChain(new JdbcTemplate(dataSource),
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource)));
    }

    @Bean
    ChainVerifier chainVerifier(JdbcTemplate jdbc) {
        return new ChainVerifier(jdbc);
    }
}
