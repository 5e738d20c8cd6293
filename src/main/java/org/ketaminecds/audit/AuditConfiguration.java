package org.ketaminecds.audit;

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

    @Bean
    DecisionLog decisionLog(HashChain chain) {
        return new JdbcDecisionLog(chain);
    }

    @Bean
    ChainVerifier chainVerifier(JdbcTemplate jdbc) {
        return new ChainVerifier(jdbc);
    }
}
