package dev.interviewloop.store;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) run as a child process with its own data
 * folder on a free port, as a user runs it: {@code java -jar}. Its output goes to a log file in the data folder.
 */
final class PackagedApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;
    private Duration startedIn;

    private PackagedApp(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts the packaged app on {@code dataDir} and waits until it is ready. */
    static PackagedApp start(Path dataDir, String name) throws IOException, InterruptedException {
        Path appDir = Path.of(System.getProperty("interview-loop.it.app-dir", "target/quarkus-app")).toAbsolutePath();
        Path jar = appDir.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the application first (./mvnw package)");
        }
        Path knowledge = Path.of("knowledge").toAbsolutePath();
        int port = freePort();
        int managementPort = freePort();
        Path log = dataDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("interview-loop.it.jvm-args",
                "--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector").trim().split("\\s+")));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-Dinterview-loop.data-dir=" + dataDir.toAbsolutePath());
        command.add("-Dinterview-loop.knowledge.dir=" + knowledge);
        command.add("-jar");
        command.add(jar.toString());
        Process process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        PackagedApp app = new PackagedApp(process, port, managementPort, log);
        app.awaitReady();
        return app;
    }

    /** From launching the process to the first ready answer of {@code /q/health/ready}. */
    Duration startedIn() {
        return startedIn;
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** Health, metrics and the OpenAPI document: the packaged application serves them on a port of their own. */
    String managementUri() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Kills the process at once (SIGKILL): no shutdown hook runs, nothing is flushed on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the application did not die within 30 s of SIGKILL");
        }
    }

    /** Stops the process the polite way (SIGTERM). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitReady() throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (ready()) {
                startedIn = Duration.between(start, Instant.now());
                return;
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application was not ready within " + START_TIMEOUT + ":\n" + logTail());
    }

    private boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(managementUri() + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
