package dev.interviewloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.KnowledgeLoader;
import dev.interviewloop.knowledge.Question;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the packaged service (issue 10): starts {@code target/quarkus-app/quarkus-run.jar} as a child process
 * (or attaches to a running one with {@code --attach URL --pid PID}), measures start-up (process start to
 * {@code /q/health/ready} = 200, and the log's "started in"), then has N scripted candidates play whole rounds
 * over REST and over the WebSocket, on loopback. Each candidate answers the current question from a small
 * fixed set (the question's model answer outline, its first sentence, a weak answer, "I don't know", and now
 * and then a hint or a clarify), thinks for {@code --think-ms} (+-50%) between turns, and starts a new round
 * when one ends. Reports per stage turns/s, client-side turn latency, the server's own turn timer
 * ({@code interview_loop.turn.latency} from {@code /q/metrics}, command=answer), and errors; then the
 * process's RSS and heap after the load. Prints Markdown tables.
 *
 * <pre>
 * ./mvnw -q package -DskipTests
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.interviewloop.bench.LoadBenchmark \
 *     -Dexec.args="--sessions 10,100,500 --seconds 30 --think-ms 3000 --jvm-opts '-Xmx256m'"
 * </pre>
 * (or {@code bench/run.sh}). Bounded: each stage stops after {@code --seconds} or {@code --max-turns} turns.
 */
public final class LoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEAK = "I think it depends on the data. I would try a few different things, look at "
            + "the results and pick whatever works best in practice.";
    private static final String UNSURE = "I'm not sure, I don't know.";

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final KnowledgeBase knowledge = KnowledgeLoader.load(Path.of("knowledge"));
    private static final String ANSWER_TURN = "answer turn";
    private final List<String[]> rounds = new ArrayList<>();
    private int stages;
    private long allTurns;
    private Path dataDir;
    private URI base;
    /** Where health and metrics are served: the packaged app's management port. */
    private URI management;
    private Process app;
    private long pid;

    private LoadBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of(
                "sessions", "10,100,500", "transports", "rest,ws", "seconds", "30", "think-ms", "3000",
                "max-turns", "60000", "warmup-seconds", "20", "jar", "target/quarkus-app/quarkus-run.jar",
                "jvm-opts", "", "port", "18080"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new LoadBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("Machine: %d cores, load average %s, %s %s; JVM options: '%s'; think time %s ms%n%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), options.get("jvm-opts"), options.get("think-ms"));
        if (options.containsKey("attach")) {
            base = URI.create(options.get("attach"));
            management = URI.create(options.getOrDefault("management", options.get("attach")));
            pid = Long.parseLong(options.getOrDefault("pid", "0"));
        }
        try {
            if (app == null && !options.containsKey("attach")) {
                startApp();
            }
            loadRounds();
            List<String> table = new ArrayList<>();
            table.add("| transport | sessions | turns | turns/s | client p50 / p95 / p99 (ms) | server p50 / p95 / p99 (ms) "
                    + "| server CPU ms/turn | errors | rounds done | load avg |");
            table.add("|---|---|---|---|---|---|---|---|---|---|");
            int warmup = Integer.parseInt(options.get("warmup-seconds"));
            if (warmup > 0) {
                // quick candidates, whatever the measured think time: the JIT should be warm before measuring
                Stage w = stage("rest", 10, warmup, Math.min(1000, Integer.parseInt(options.get("think-ms"))));
                System.out.println("warm-up: " + w.row());
            }
            for (String transport : options.get("transports").split(",")) {
                for (String n : options.get("sessions").split(",")) {
                    Stage s = stage(transport.strip(), Integer.parseInt(n.strip()), Integer.parseInt(options.get("seconds")),
                            Integer.parseInt(options.get("think-ms")));
                    System.out.println(s.row());
                    table.add(s.row());
                }
            }
            System.out.println();
            table.forEach(System.out::println);
            System.out.println();
            memory();
            database();
        } finally {
            if (app != null) {
                app.destroy();
                app.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    // ---- the app: start-up and memory ----------------------------------------------------------------------

    private void startApp() throws Exception {
        int port = Integer.parseInt(options.get("port"));
        // an app built before the management port (or with it off) serves /q/* on its main port: --management-port PORT
        int managementPort = Integer.parseInt(options.getOrDefault("management-port", String.valueOf(port + 1)));
        management = URI.create("http://127.0.0.1:" + managementPort);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--add-modules", "jdk.incubator.vector"));
        for (String opt : options.get("jvm-opts").split(" ")) {
            if (!opt.isBlank()) {
                command.add(opt);
            }
        }
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort,
                // its own data folder, emptied first: the sessions it plays must not land in the user's history, and
                // start-up is measured on a fresh store (a store grown by earlier runs opens more slowly); H2 wants "./"
                "-Dinterview-loop.data-dir=" + freshDataDir(),
                "-Dinterview-loop.search.index-dir=" + options.getOrDefault("index-dir", "target/bench-index"),
                "-Dinterview-loop.limits.messages-per-window=" + options.getOrDefault("limit", "20"),
                "-jar", options.get("jar")));
        // every candidate comes from 127.0.0.1 here, where a real deployment sees one address per person
        // (--client-limit none for a build older than that limit)
        String clientLimit = options.getOrDefault("client-limit", "1000000");
        if (!clientLimit.equals("none")) {
            command.add(command.size() - 2, "-Dinterview-loop.limits.client-requests-per-window=" + clientLimit);
        }
        Path log = Path.of("target", "bench-app.log");
        Files.createDirectories(log.getParent());
        Instant started = Instant.now();
        app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        pid = app.pid();
        base = URI.create("http://127.0.0.1:" + port);

        long readyMillis = -1;
        // up to 10 minutes: a machine busy with other builds starts the app slowly
        for (long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10); System.nanoTime() < until && app.isAlive(); ) {
            try {
                var r = http.send(HttpRequest.newBuilder(management.resolve("/q/health/ready")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    readyMillis = Duration.between(started, Instant.now()).toMillis();
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        if (readyMillis < 0) {
            throw new IllegalStateException("the app did not become ready; see " + log);
        }
        // the grader fills its per-question caches in the background after start-up; load is measured after that
        String warmedUp = "not seen in 300 s";
        Pattern warm = Pattern.compile("Grader warmed up for \\d+ questions in (\\d+) ms");
        for (int i = 0; i < 3000; i++) {
            Matcher w = warm.matcher(Files.readString(log));
            if (w.find()) {
                warmedUp = w.group(1) + " ms";
                break;
            }
            Thread.sleep(100);
        }
        Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log));
        String startedIn = m.find() ? m.group(1) + " s" : "?";
        JsonNode ready = JSON.readTree(manage("/q/health/ready"));
        String index = ready.findValuesAsText("reused").toString() + " reused, build "
                + ready.findValuesAsText("buildMillis") + " ms";
        System.out.printf("| start-up | process start -> ready (ms) | log 'started in' | index | grader warm-up (background) | RSS after warm-up (MB) |%n");
        System.out.printf("|---|---|---|---|---|---|%n");
        System.out.printf("| %s | %d | %s | %s | %s | %.0f |%n%n", options.get("jvm-opts").isBlank() ? "defaults" : options.get("jvm-opts"),
                readyMillis, startedIn, index, warmedUp, rssKb("VmRSS") / 1024.0);
    }

    private String freshDataDir() throws IOException {
        Path dir = Path.of(options.getOrDefault("data-dir", "./target/bench-data"));
        if (Files.isDirectory(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        dataDir = dir;
        return dir.toString();
    }

    private void memory() throws Exception {
        String metrics = manage("/q/metrics");
        double heapUsed = sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"");
        double heapCommitted = sum(metrics, "jvm_memory_committed_bytes", "area=\"heap\"");
        double nonHeap = sum(metrics, "jvm_memory_used_bytes", "area=\"nonheap\"");
        System.out.println("| after the load | RSS (MB) | peak RSS (MB) | heap used (MB) | heap committed (MB) | non-heap used (MB) |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf("| %s | %.0f | %.0f | %.0f | %.0f | %.0f |%n", options.get("jvm-opts").isBlank() ? "defaults"
                : options.get("jvm-opts"), rssKb("VmRSS") / 1024.0, rssKb("VmHWM") / 1024.0, heapUsed / 1048576,
                heapCommitted / 1048576, nonHeap / 1048576);
    }

    /** The embedded database's size after every turn of the run (its own fresh data folder), per 1,000 turns. */
    private void database() throws IOException {
        if (dataDir == null) {
            return;
        }
        Path file = dataDir.resolve("interview-loop.mv.db");
        if (!Files.exists(file)) {
            return;
        }
        double mb = Files.size(file) / 1048576.0;
        System.out.println();
        System.out.println("| embedded database | turns (all stages) | file (MB) | MB per 1,000 turns |");
        System.out.println("|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.2f |%n", file, allTurns, mb, mb * 1000 / Math.max(1, allTurns));
    }

    private long rssKb(String field) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static double sum(String metrics, String name, String label) {
        double total = 0;
        for (String line : metrics.lines().toList()) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    /** The server's own timers that make up a turn: a name, the Prometheus metric and a label every line must have. */
    private record Part(String name, String metric, String label) {
    }

    private static final List<Part> PARTS = List.of(
            new Part(ANSWER_TURN, "interview_loop_turn_latency_seconds", "command=\"answer\""),
            new Part("grading", "interview_loop_grading_duration_seconds", ""),
            new Part("retrieval", "interview_loop_retrieval_latency_seconds", ""),
            new Part("store save", "interview_loop_store_save_seconds", ""),
            new Part("store find", "interview_loop_store_find_seconds", ""));

    /** One reading of a timer: cumulative bucket counts by upper bound in seconds, and the sum in seconds. */
    private record Histogram(Map<Double, Double> buckets, double sum) {
    }

    /** Every part's histogram, from one reading of /q/metrics. */
    private Map<String, Histogram> parts() throws Exception {
        List<String> lines = manage("/q/metrics").lines().toList();
        Map<String, Histogram> out = new java.util.LinkedHashMap<>();
        Pattern le = Pattern.compile("le=\"([^\"]+)\"");
        for (Part part : PARTS) {
            Map<Double, Double> buckets = new HashMap<>();
            double sum = 0;
            for (String line : lines) {
                if (!line.startsWith(part.metric() + "_") || !line.contains(part.label())) {
                    continue;
                }
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith(part.metric() + "_bucket{")) {
                    Matcher m = le.matcher(line);
                    if (m.find()) {
                        buckets.merge(m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1)),
                                value, Double::sum);
                    }
                } else if (line.startsWith(part.metric() + "_sum{")) {
                    sum += value;
                }
            }
            out.put(part.name(), new Histogram(buckets, sum));
        }
        return out;
    }

    /** "grading 12.3 / 40.1 (n calls), ..." over a stage: each part's mean per call and p95, from two readings. */
    private static String partsRow(Map<String, Histogram> before, Map<String, Histogram> after) {
        List<String> cells = new ArrayList<>();
        for (String part : after.keySet()) {
            Map<Double, Double> b = before.get(part).buckets();
            Map<Double, Double> a = after.get(part).buckets();
            double calls = a.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - b.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
            double mean = calls <= 0 ? Double.NaN : (after.get(part).sum() - before.get(part).sum()) * 1000 / calls;
            cells.add(String.format(Locale.ROOT, "%s %.1f / %.1f (%.0f calls)", part, mean, quantile(b, a, 0.95), calls));
        }
        return String.join(", ", cells);
    }

    /** A quantile of the histogram's change between two readings, interpolated within its bucket (ms). */
    private static double quantile(Map<Double, Double> before, Map<Double, Double> after, double q) {
        List<Double> bounds = after.keySet().stream().sorted().toList();
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        double previousBound = 0;
        double previousCount = 0;
        for (double bound : bounds) {
            double count = after.get(bound) - before.getOrDefault(bound, 0.0);
            if (count >= q * total) {
                if (Double.isInfinite(bound)) {
                    return previousBound * 1000;
                }
                double inBucket = count - previousCount;
                double share = inBucket <= 0 ? 1 : (q * total - previousCount) / inBucket;
                return (previousBound + share * (bound - previousBound)) * 1000;
            }
            previousBound = bound;
            previousCount = count;
        }
        return Double.NaN;
    }

    // ---- one stage: N candidates for a while --------------------------------------------------------------

    private record Stage(String transport, int sessions, long turns, double seconds, long[] client, double[] server,
                         long errors, Map<String, Integer> errorKinds, int roundsDone, String load, double cpuMsPerTurn) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %s / %s / %s | %.1f / %.1f / %.1f | %.0f | %d%s | %d | %s |",
                    transport.equals("ws") ? "WebSocket" : "REST", sessions, turns, turns / seconds,
                    ms(percentile(client, 0.50)), ms(percentile(client, 0.95)), ms(percentile(client, 0.99)),
                    server[0], server[1], server[2], cpuMsPerTurn, errors, errorKinds.isEmpty() ? "" : " " + errorKinds,
                    roundsDone, load);
        }
    }

    /** The app's CPU time so far (user + system), in ms; -1 when its pid is unknown. */
    private long cpuMillis() {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime in 1/100 s
        } catch (IOException e) {
            return -1;
        }
    }

    private final class Counters {
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicLong turns = new AtomicLong();
        final AtomicInteger roundsDone = new AtomicInteger();
        final Map<String, Integer> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicLong errors = new AtomicLong();
        volatile long deadline;
        final long maxTurns = Long.parseLong(options.get("max-turns"));

        boolean running() {
            return System.nanoTime() < deadline && turns.get() < maxTurns;
        }

        void error(String kind) {
            errors.incrementAndGet();
            errorKinds.merge(kind, 1, Integer::sum);
        }

        void turn(long nanos) {
            latencies.add(nanos);
            turns.incrementAndGet();
        }
    }

    private Stage stage(String transport, int sessions, int seconds, int think) throws Exception {
        int stageNumber = stages++;
        Counters counters = new Counters();
        Map<String, Histogram> before = parts();
        long cpuBefore = cpuMillis();
        long start = System.nanoTime();
        counters.deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(sessions);
        for (int i = 0; i < sessions; i++) {
            // a new seed in every stage: the same seed would replay the same answers, and a later stage would
            // find their spans in the grader's cache
            long seed = 31L * i + sessions + 1_000_003L * stageNumber;
            Thread.ofVirtual().start(() -> {
                try {
                    Random random = new Random(seed);
                    // spread the first turns over one think time so the candidates do not move in lock-step
                    Thread.sleep(think == 0 ? 0 : random.nextInt(think));
                    while (counters.running()) {
                        try {
                            if (transport.equals("ws")) {
                                playOverSocket(random, counters, think);
                            } else {
                                playOverRest(random, counters, think);
                            }
                        } catch (Exception e) {
                            counters.error(e.getClass().getSimpleName());
                            Thread.sleep(100);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        // the process's RSS and used heap once a minute (a soak shows whether memory stays flat)
        List<String> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        long sampleMillis = Long.parseLong(options.getOrDefault("sample-seconds", "60")) * 1000;
        Thread sampler = Thread.ofVirtual().start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(sampleMillis);
                    double heap = sum(manage("/q/metrics"), "jvm_memory_used_bytes", "area=\"heap\"") / 1048576;
                    samples.add(String.format(Locale.ROOT, "%.0f s: RSS %.0f MB, heap used %.0f MB, %d turns, %d errors",
                            (System.nanoTime() - start) / 1e9, rssKb("VmRSS") / 1024.0, heap, counters.turns.get(),
                            counters.errors.get()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                samples.add("sampling stopped: " + e);
            }
        });
        done.await(seconds + 120L, TimeUnit.SECONDS);
        sampler.interrupt();
        if (seconds * 1000L >= 5 * sampleMillis) {
            System.out.printf("  %s x %d, memory over the stage:%n", transport, sessions);
            samples.forEach(line -> System.out.println("    " + line));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        allTurns += counters.turns.get();
        Map<String, Histogram> after = parts();
        System.out.printf("  %s x %d, server time by part, mean / p95 (ms): %s%n", transport, sessions,
                partsRow(before, after));
        double cpuPerTurn = cpuBefore < 0 ? Double.NaN : (cpuMillis() - cpuBefore) / (double) Math.max(1, counters.turns.get());
        long[] client = counters.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<Double, Double> turnsBefore = before.get(ANSWER_TURN).buckets();
        Map<Double, Double> turnsAfter = after.get(ANSWER_TURN).buckets();
        double[] server = {quantile(turnsBefore, turnsAfter, 0.50), quantile(turnsBefore, turnsAfter, 0.95),
                quantile(turnsBefore, turnsAfter, 0.99)};
        return new Stage(transport, sessions, counters.turns.get(), elapsed, client, server, counters.errors.get(),
                new java.util.TreeMap<>(counters.errorKinds), counters.roundsDone.get(), loadAverage(), cpuPerTurn);
    }

    // ---- a scripted candidate ----------------------------------------------------------------------------

    private void loadRounds() throws Exception {
        for (JsonNode loop : JSON.readTree(get("/api/loops"))) {
            for (JsonNode round : loop.get("rounds")) {
                rounds.add(new String[] {loop.get("id").asText(), round.get("id").asText()});
            }
        }
    }

    /** What the candidate sends next for the question on the table: an answer body, or a command. */
    private Map<String, String> nextAction(Random random, String questionId) {
        int roll = random.nextInt(100);
        if (roll < 4) {
            return Map.of("command", "hint");
        }
        if (roll < 7) {
            return Map.of("command", "clarify", "text", "Do you mean in production or in an offline experiment?");
        }
        Question q = questionId == null ? null : knowledge.question(questionId).orElse(null);
        String model = q == null || q.modelAnswer() == null ? WEAK : q.modelAnswer().strip();
        String text = switch (roll % 4) {
            case 0 -> model;
            case 1 -> firstSentence(model);
            case 2 -> WEAK;
            default -> roll < 60 ? model : UNSURE;
        };
        return Map.of("text", perturb(text, random));
    }

    private static final String[] FILLERS = {"basically", "really", "so", "roughly", "actually", "typically", "usually",
        "then", "also", "indeed", "generally", "just", "I think", "of course", "in practice", "mostly"};

    /**
     * The scripted answers come from a fixed set; real candidates never send the same words twice. A filler word
     * after the second word and then every fifth word makes every sentence and clause of five words or more new
     * text (about a fifth longer than the script), so the grader's span cache only helps where it would for a
     * real candidate (a reply graded together with the earlier answers to the same question).
     */
    private static String perturb(String text, Random random) {
        String[] words = text.split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            out.append(i == 0 ? "" : " ").append(words[i]);
            if (i % 5 == 1 && i + 1 < words.length) {
                out.append(' ').append(FILLERS[random.nextInt(FILLERS.length)]);
            }
        }
        return out.toString();
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(". ");
        return dot < 0 ? text : text.substring(0, dot + 1);
    }

    private JsonNode createSession(Random random, Counters counters) throws Exception {
        String[] round = rounds.get(random.nextInt(rounds.size()));
        String body = JSON.writeValueAsString(Map.of("loop", round[0], "round", round[1],
                "mode", random.nextBoolean() ? "practice" : "mock"));
        var r = http.send(HttpRequest.newBuilder(base.resolve("/api/sessions")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            counters.error("create " + r.statusCode());
            return null;
        }
        return JSON.readTree(r.body());
    }

    private void playOverRest(Random random, Counters counters, int think) throws Exception {
        JsonNode session = createSession(random, counters);
        if (session == null) {
            Thread.sleep(200);
            return;
        }
        String id = session.get("id").asText();
        String token = session.get("token").asText();
        String questionId = session.at("/currentQuestion/id").asText(null);
        boolean done = false;
        while (!done && counters.running()) {
            pause(random, think);
            String body = JSON.writeValueAsString(nextAction(random, questionId));
            long t = System.nanoTime();
            var r = http.send(HttpRequest.newBuilder(base.resolve("/api/sessions/" + id + "/messages"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - t;
            if (r.statusCode() != 200) {
                counters.error("REST " + r.statusCode());
                return;
            }
            counters.turn(nanos);
            JsonNode turn = JSON.readTree(r.body());
            done = turn.get("done").asBoolean();
            questionId = lastQuestionId(turn.get("messages"), questionId);
        }
        if (done) {
            counters.roundsDone.incrementAndGet();
        }
    }

    private void playOverSocket(Random random, Counters counters, int think) throws Exception {
        JsonNode session = createSession(random, counters);
        if (session == null) {
            Thread.sleep(200);
            return;
        }
        String id = session.get("id").asText();
        String token = session.get("token").asText();
        LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        URI ws = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/sessions/" + id + "?token=" + token);
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                .buildAsync(ws, new Collector(frames)).get(30, TimeUnit.SECONDS);
        try {
            JsonNode first = frames.poll(30, TimeUnit.SECONDS);
            if (first == null || !first.get("type").asText().equals("session")) {
                counters.error("ws no session frame");
                return;
            }
            String questionId = first.at("/session/currentQuestion/id").asText(null);
            boolean done = false;
            while (!done && counters.running()) {
                pause(random, think);
                Map<String, String> action = nextAction(random, questionId);
                Map<String, String> frame = new HashMap<>(action);
                frame.put("type", action.containsKey("command") ? "command" : "answer");
                long t = System.nanoTime();
                socket.sendText(JSON.writeValueAsString(frame), true).get(30, TimeUnit.SECONDS);
                List<JsonNode> messages = new ArrayList<>();
                JsonNode f;
                while (true) {
                    f = frames.poll(60, TimeUnit.SECONDS);
                    if (f == null) {
                        counters.error("ws timeout");
                        return;
                    }
                    String type = f.get("type").asText();
                    if (type.equals("message")) {
                        messages.add(f.get("message"));
                    } else if (type.equals("error")) {
                        counters.error("ws error " + f.get("status").asInt());
                        return;
                    } else if (type.equals("state")) {
                        break;
                    }
                }
                counters.turn(System.nanoTime() - t);
                done = f.get("done").asBoolean();
                questionId = lastQuestionId(JSON.valueToTree(messages), questionId);
            }
            if (done) {
                counters.roundsDone.incrementAndGet();
            }
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
    }

    private static String lastQuestionId(JsonNode messages, String fallback) {
        String id = fallback;
        for (JsonNode m : messages) {
            if ("interviewer".equals(m.path("role").asText()) && m.hasNonNull("questionId")) {
                id = m.get("questionId").asText();
            }
        }
        return id;
    }

    private static void pause(Random random, int think) throws InterruptedException {
        if (think > 0) {
            Thread.sleep(think / 2 + random.nextInt(think + 1));
        }
    }

    /** Joins a socket's text fragments into JSON frames (also the two-instance test's socket client). */
    public static final class Collector implements WebSocket.Listener {
        private final LinkedBlockingQueue<JsonNode> frames;
        private final StringBuilder partial = new StringBuilder();

        public Collector(LinkedBlockingQueue<JsonNode> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private String manage(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(management.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String loadAverage() {
        try {
            return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" ")).limit(3)
                    .reduce((a, b) -> a + " " + b).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
