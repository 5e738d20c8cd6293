package org.ketaminecds.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.ketaminecds.KetamineCdsApplication;
import org.ketaminecds.support.Http;

/**
 * The service as a separate JVM, the way it runs in production: the real main class, its own working directory
 * (where the default H2 URL puts {@code ./data}), loopback only, its output in a file under {@code target/}. Only a
 * separate process can be killed with SIGKILL without killing the test.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the service and returns once it answers {@code GET /cds-services}.
     *
     * @param workDir the child's working directory
     * @param log where its stdout and stderr go
     * @param environment added to the inherited environment
     * @param arguments command-line arguments of the service (the port and bind address are added)
     */
    public static ServiceProcess start(Path workDir, Path log, Map<String, String> environment,
            List<String> arguments) {
        // C1 only and a small serial heap: the service starts faster on a shared 2-core machine; the store
        // settings, which are what the durability tests are about, are untouched.
        return start(workDir, log, environment, arguments, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx512m"));
    }

    /** Starts the service with these JVM options instead of the defaults above. */
    public static ServiceProcess start(Path workDir, Path log, Map<String, String> environment,
            List<String> arguments, List<String> jvmOptions) {
        int port = freeLoopbackPort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("@" + classpathArgumentFile(log.toAbsolutePath().getParent()),
                KetamineCdsApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), log, port);
            try {
                service.awaitReady();
            } catch (RuntimeException e) {
                service.close();
                throw e;
            }
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Http http() {
        return new Http(port);
    }

    public Path log() {
        return log;
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no pool close, no H2 close. */
    int killNine() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** A graceful stop (SIGTERM), forced after a while; a no-op when already gone. */
    /** True while the service's JVM runs. */
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        Http http = http();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue()
                        + " while starting; see " + log.toAbsolutePath());
            }
            try {
                if (http.get("/cds-services").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // connection refused until Tomcat is up
            }
            sleep(200);
        }
        throw new IllegalStateException("The service did not answer within " + STARTUP + "; see "
                + log.toAbsolutePath());
    }

    /**
     * The test JVM's class path without the test classes (whose configurations must not join the service's
     * context). Surefire runs tests from a manifest-only booter jar but sets {@code java.class.path} to the full test
     * class path; an IDE sets it too. It goes in a java argument file: it is some 50 kB, near the kernel's limit for
     * a single argument.
     */
    private static Path classpathArgumentFile(Path directory) {
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath().normalize();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().equals(testClasses))
                .collect(Collectors.joining(java.io.File.pathSeparator));
        Path file = directory.resolve("service-classpath.args");
        try {
            Files.writeString(file, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
