package org.ketaminecds.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --db-url} and {@code --db-user}: the audit database that {@code rules replay} and {@code audit verify} read.
 * They stand for the service's {@code spring.datasource.url} and {@code .username}, which are their defaults; the
 * password is only ever read from {@code KETAMINE_DB_PASSWORD}, never from the command line, where {@code ps} would
 * show it.
 */
final class DatabaseOptions {
    static final String URL = "--db-url";
    static final String USER = "--db-user";
    /** The default (a long URL) has a line of its own: help text wraps at punctuation. */
    static final String URL_HELP = "JDBC URL of the audit database. The embedded H2 file is single-process: stop the "
            + "service first, or give the URL of a database server. Default, the service's spring.datasource.url:%n"
            + "${DEFAULT-VALUE}";
    static final String USER_HELP = "database user (default: the service's spring.datasource.username, now "
            + "${DEFAULT-VALUE}). The password is read from the environment variable KETAMINE_DB_PASSWORD, never "
            + "from the command line.";
    static final String URL_SETTING = "spring.datasource.url";
    static final String USER_SETTING = "spring.datasource.username";
    private static final String PASSWORD_SETTING = "spring.datasource.password";
    private static final String PASSWORD_VARIABLE = "KETAMINE_DB_PASSWORD";

    @Option(names = URL)
    private String url;

    @Option(names = USER)
    private String user;

    private DatabaseOptions() {
    }

    /**
     * The settings the command line overrides, for the context a command runs in: {@code --db-url} and
     * {@code --db-user} wherever they appear in {@code args}, and the password from {@code KETAMINE_DB_PASSWORD}. They
     * are read before the command line is parsed for the command, because the context must have them before it
     * creates the DataSource; a command that does not take them refuses them then (a usage error).
     */
    static Map<String, Object> settings(String[] args, Map<String, String> env) {
        Map<String, Object> settings = new HashMap<>();
        DatabaseOptions options = new DatabaseOptions();
        try {
            new CommandLine(options).setUnmatchedArgumentsAllowed(true).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return settings; // the command's own parse reports it
        }
        if (options.url != null) {
            settings.put(URL_SETTING, options.url);
        }
        if (options.user != null) {
            settings.put(USER_SETTING, options.user);
        }
        if (env.get(PASSWORD_VARIABLE) != null) {
            settings.put(PASSWORD_SETTING, env.get(PASSWORD_VARIABLE));
        }
        return settings;
    }
}
