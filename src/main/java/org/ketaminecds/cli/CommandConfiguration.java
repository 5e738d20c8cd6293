package org.ketaminecds.cli;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The part of Spring Boot's auto-configuration the commands use; the rest is off for them (profile {@code cli}:
 * {@code spring.boot.enableautoconfiguration=false}), so a command never starts a web server, security, Flyway,
 * metrics or health checks, and the context starts in a fraction of the time. What is imported is configured by the
 * server's own properties: the {@code JsonMapper} ({@code spring.jackson.*}), and the {@code DataSource} with its
 * {@code JdbcTemplate} and transaction manager ({@code spring.datasource.*}) for the commands that read the audit
 * database. The application's own beans are all there, from the same component scan as the server's.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cli")
@ImportAutoConfiguration({JacksonAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
class CommandConfiguration {
}
