package org.ketaminecds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ketaminecds.KetamineCdsApplication;
import org.ketaminecds.rules.PackCheck;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The context a command runs in: the server's wiring, with nothing started that the command does not ask for. */
class CommandContextTest {

    @Test
    void validate_gets_the_servers_pack_check_and_nothing_opens_a_database_builds_a_live_pack_or_serves_http()
            throws Exception {
        CommandOutput output = new CommandOutput(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        try (ContextFactory factory = new ContextFactory(KetamineCdsApplication.class, Map.of(), output)) {
            factory.create(ValidateCommand.class);

            ConfigurableListableBeanFactory beans = factory.context().getBeanFactory();
            assertThat(factory.context()).isExactlyInstanceOf(AnnotationConfigApplicationContext.class);
            assertThat(beans.getBeanNamesForType(PackCheck.class)).containsExactly("packCheck");
            assertThat(beans.containsSingleton("packCheck")).isTrue();
            assertThat(beans.containsBeanDefinition("rulePackReloader")).as("hot reload").isFalse();
            assertThat(beans.containsBeanDefinition("flyway")).as("Flyway").isFalse();
            assertThat(beans.containsSingleton("ruleEngine")).as("the live pack").isFalse();
            assertThat(beans.containsSingleton("dataSource")).as("the database").isFalse();
            assertThat(beans.containsSingleton("fhirContext")).as("the FHIR context").isFalse();
        }
    }
}
