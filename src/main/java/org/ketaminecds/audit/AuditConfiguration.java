package org.ketaminecds.audit;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The audit trail's stores, all on the application's one DataSource (the service's and the commands'). */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    HashChain hashChain(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new HashChain(jdbc, transactionManager);
    }

    /**
     * The service appends every decision: it refuses, at startup, a store that could lose them. The commands only
     * read (replay, verify) and may open any H2 file, so the check is the web application's.
     */
    @Bean
    @ConditionalOnWebApplication
    SmartInitializingSingleton durableStore(JdbcTemplate jdbc) {
        return () -> StoreDurability.check(jdbc);
    }

    @Bean
    DecisionLog decisionLog(HashChain chain) {
        return new JdbcDecisionLog(chain);
    }

    @Bean
    ChainVerifier chainVerifier(JdbcTemplate jdbc) {
        return new ChainVerifier(jdbc);
    }
}
