package dev.interviewloop.coding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Runs one job in a fresh Python process: an empty scratch folder as its working directory, a minimal environment,
 * the job on its standard input, JSON lines back on its standard output. The process confines itself before it
 * runs the candidate's code ({@code coding/sandbox.py}: resource limits, Landlock, seccomp, an audit hook); this
 * side kills it at the wall-clock limit or when it writes more than the output limit, and deletes the scratch
 * folder afterwards.
 */
final class PythonSandbox {

    /** What came back from one process: the JSON records in order, and how the process ended. */
    record Run(List<JsonNode> records, Integer exitCode, boolean wallTimeout, boolean outputLimit, String stderr,
               long wallMs) {
    }

    private static final String HARNESS = "coding/sandbox.py";
    private static final int STDERR_CHARS = 4000;
    /** Passed through when set: older OpenBLAS builds need them on some processors. */
    private static final List<String> PASSED_ENV = List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE");

    private final ObjectMapper json = new ObjectMapper();
    private final Path harness;
    private final Path scratchRoot;

    PythonSandbox(Path scratchRoot) {
        try {
            Files.createDirectories(scratchRoot);
            Path dir = Files.createTempDirectory(scratchRoot, "harness-");
            this.harness = dir.resolve("sandbox.py");
            try (InputStream in = PythonSandbox.class.getClassLoader().getResourceAsStream(HARNESS)) {
                if (in == null) {
                    throw new IllegalStateException(HARNESS + " is missing from the application");
                }
                Files.copy(in, harness);
            }
            harness.toFile().setReadOnly();
            this.scratchRoot = scratchRoot;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the code sandbox under " + scratchRoot
                    + "; set interview-loop.coding.scratch-dir to a writable folder", e);
        }
    }

    Run run(PythonRuntime python, Map<String, Object> job, Duration wall, long maxOutputBytes) {
        long start = System.nanoTime();
        Path scratch = null;
        Process process = null;
        try {
            scratch = Files.createTempDirectory(scratchRoot, "run-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            ProcessBuilder builder = new ProcessBuilder(python.executable(), "-I", "-B", "-X", "utf8",
                    harness.toString()).directory(scratch.toFile());
            Map<String, String> env = builder.environment();
            Map<String, String> inherited = Map.copyOf(env);
            env.clear();
            env.put("PATH", "/usr/bin:/bin");
            env.put("LANG", "C.UTF-8");
            env.put("HOME", scratch.toString());
            env.put("TMPDIR", scratch.toString());
            for (String name : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
                env.put(name, "1");  // one core per run; the runner decides how many run at once
            }
            PASSED_ENV.stream().filter(inherited::containsKey).forEach(k -> env.put(k, inherited.get(k)));
            process = builder.start();
            Process p = process;
            AtomicBoolean overflow = new AtomicBoolean();
            List<JsonNode> records = new ArrayList<>();
            StringBuilder stderr = new StringBuilder();
            Thread out = Thread.ofVirtual().start(() -> readRecords(p, maxOutputBytes, records, overflow));
            Thread err = Thread.ofVirtual().start(() -> readCapped(p.getErrorStream(), stderr));
            try (OutputStream in = p.getOutputStream()) {
                in.write(json.writeValueAsBytes(job));
            } catch (IOException e) {
                // the process ended before it read the job; what it printed says why
            }
            boolean finished = p.waitFor(wall.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                kill(p);
            }
            out.join(Duration.ofSeconds(5));
            err.join(Duration.ofSeconds(5));
            Integer exit = p.waitFor(5, TimeUnit.SECONDS) ? p.exitValue() : null;
            synchronized (records) {
                return new Run(List.copyOf(records), exit, !finished, overflow.get(), stderr.toString(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + python.executable() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running code", e);
        } finally {
            if (process != null && process.isAlive()) {
                kill(process);
            }
            delete(scratch);
        }
    }

    private void readRecords(Process p, long maxBytes, List<JsonNode> records, AtomicBoolean overflow) {
        long read = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                read += line.length() + 1;
                if (read > maxBytes) {
                    overflow.set(true);
                    kill(p);
                    return;
                }
                try {
                    JsonNode node = json.readTree(line);
                    synchronized (records) {
                        records.add(node);
                    }
                } catch (JsonProcessingException e) {
                    // not a record of the harness: the candidate wrote to its channel; ignored
                }
            }
        } catch (IOException e) {
            // the process was killed; what was read stands
        }
    }

    private static void readCapped(InputStream in, StringBuilder into) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            char[] buffer = new char[4096];
            int n;
            while ((n = r.read(buffer)) >= 0) {
                if (into.length() < STDERR_CHARS) {
                    into.append(buffer, 0, Math.min(n, STDERR_CHARS - into.length()));
                }
            }
        } catch (IOException e) {
            // killed
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a folder left in the temporary directory harms nothing
        }
    }
}
