package org.ketaminecds.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: positional arguments, flags ({@code --json}) and options with a value
 * ({@code --since 2026-03-01} or {@code --since=2026-03-01}).
 */
record CliArgs(List<String> positional, Set<String> flags, Map<String, String> options) {

    /** Parses {@code args}; throws {@link IllegalArgumentException} on an unknown option or a missing value. */
    static CliArgs parse(List<String> args, Set<String> knownFlags, Set<String> knownOptions) {
        List<String> positional = new ArrayList<>();
        Set<String> flags = new HashSet<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (knownFlags.contains(name) && !arg.contains("=")) {
                flags.add(name);
            } else if (knownOptions.contains(name)) {
                if (arg.contains("=")) {
                    options.put(name, arg.substring(arg.indexOf('=') + 1));
                } else if (i + 1 < args.size()) {
                    options.put(name, args.get(++i));
                } else {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new CliArgs(List.copyOf(positional), Set.copyOf(flags), Map.copyOf(options));
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
