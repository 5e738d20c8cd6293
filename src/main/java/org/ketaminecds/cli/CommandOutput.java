package org.ketaminecds.cli;

import java.io.PrintWriter;

/**
 * Where a command prints: its result on {@code out}, reasons it could not run on {@code err}. The streams the entry
 * point was given (the console, or a test's buffers), handed to the commands as a bean of their context.
 *
 * @param out the command's result: reports, JSON, help
 * @param err usage errors and failures to run
 */
record CommandOutput(PrintWriter out, PrintWriter err) {
}
