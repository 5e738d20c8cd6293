package org.ketaminecds.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The command tree: {@code ketamine-cds rules ...} and {@code ketamine-cds audit ...}; every command has help. */
@Command(name = "ketamine-cds", subcommands = {KetamineCdsCommand.Rules.class, KetamineCdsCommand.Audit.class},
        description = "CDS Hooks decision support for IV ketamine and intranasal esketamine: the service's commands.")
final class KetamineCdsCommand {

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
    private boolean help;

    @Command(name = "rules", subcommands = {ValidateCommand.class, TestCommand.class, CoverageCommand.class,
            ReplayCommand.class}, description = {"The rule author's tools, without the web server.",
                    "Problems are printed one per line, file:line: rule: message; --json prints one JSON document."})
    static final class Rules {
    }

    @Command(name = "audit", subcommands = VerifyCommand.class,
            description = "The audit trail's tools, without the web server.")
    static final class Audit {
    }
}
