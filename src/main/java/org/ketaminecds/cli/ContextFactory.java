package org.ketaminecds.cli;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Creates the command objects from the application context, so that a command gets its collaborators from the same
 * wiring as the server. The context is the application's, started without a web server under the profile {@code cli}
 * ({@code application-cli.yml}: every bean lazy, no live rule pack, auto-configuration only as far as {@link
 * CommandConfiguration} imports it), on the first command that needs it: {@code rules --help} or a mistyped command
 * name start nothing. picocli creates a command object when its name is matched on the command line, so only that
 * command's collaborators are created. Closing this factory closes the context (and with it any database connection
 * a command opened).
 */
final class ContextFactory implements CommandLine.IFactory, CommandLine.IDefaultValueProvider, AutoCloseable {
    /** Options whose default is a service setting: {@code --help} shows the value in effect. */
    private static final Map<String, String> DEFAULTS = Map.of(DatabaseOptions.URL, DatabaseOptions.URL_SETTING,
            DatabaseOptions.USER, DatabaseOptions.USER_SETTING, "DIR", "ketamine.rules.dir");

    private final Class<?> application;
    private final Map<String, Object> settings;
    private final CommandOutput output;
    private ConfigurableApplicationContext context;

    /**
     * @param application the {@code @SpringBootApplication} class
     * @param settings properties that override the configuration (the command-line options that stand for one)
     * @param output where the commands print, a bean of the context
     */
    ContextFactory(Class<?> application, Map<String, Object> settings, CommandOutput output) {
        this.application = application;
        this.settings = settings;
        this.output = output;
    }

    /** A type whose constructor takes collaborators comes from the context; option holders and picocli's own do not. */
    @Override
    public <K> K create(Class<K> type) throws Exception {
        boolean collaborators = Arrays.stream(type.getDeclaredConstructors()).mapToInt(Constructor::getParameterCount)
                .anyMatch(count -> count > 0);
        return collaborators ? context().getAutowireCapableBeanFactory().createBean(type)
                : CommandLine.defaultFactory().create(type);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
        String setting = DEFAULTS.get(name);
        return setting == null ? null : context().getEnvironment().getProperty(setting);
    }

    /** The context, started on first use. */
    ConfigurableApplicationContext context() {
        if (context == null) {
            SpringApplication cli = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                    .profiles("cli").registerShutdownHook(false)
                    .initializers(started -> {
                        started.getEnvironment().getPropertySources()
                                .addFirst(new MapPropertySource("ketamine-cds command line", settings));
                        started.getBeanFactory().registerSingleton("commandOutput", output);
                    })
                    .build();
            // Boot's logging setup reconfigures the JVM's logging: a command run inside another application (the
            // tests) must leave it alone. The process entry point switches logging off instead.
            cli.setListeners(cli.getListeners().stream().filter(l -> !(l instanceof LoggingApplicationListener))
                    .toList());
            context = cli.run();
        }
        return context;
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
