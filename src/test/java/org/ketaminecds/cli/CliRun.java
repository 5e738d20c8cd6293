package org.ketaminecds.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.ketaminecds.KetamineCdsApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run of a command through the real entry point, in this JVM: its exit status, what it printed on out and on err.
 *
 * @param status the exit status
 * @param output what it printed on out
 * @param errors what it printed on err
 */
public record CliRun(int status, String output, String errors) {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Runs {@code args} (starting with {@code rules} or {@code audit}) with {@code env} as the environment. */
    public static CliRun of(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(KetamineCdsApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code args} with an empty environment. */
    public static CliRun of(String... args) {
        return of(Map.of(), args);
    }

    /** The output, which a {@code --json} run prints as one JSON document. */
    public JsonNode json() {
        return JSON.readTree(output);
    }

    /** Everything printed, for assertion messages. */
    @Override
    public String toString() {
        return "exit " + status + "\n" + output + errors;
    }
}
