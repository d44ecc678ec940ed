package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Part I: what the actuator endpoint and the health check cost on a long history. The sample app's jar starts
 * against a new database with N more revisions (ours' workload, a second root beside the app's own revisions)
 * in a second location, which that start applies (not timed); it is stopped and started again, as an instance
 * restarts with nothing pending (its fast start reads no script); then the harness asks, over HTTP on the loopback,
 * {@code /actuator/health/readiness} once (what a readiness probe meets first), {@code /actuator/health}
 * {@value #REQUESTS} times (before anything reads the report), {@code /actuator/migrations} once (the first report
 * reads the status and history), then {@code /actuator/migrations}, one revision ({@code /actuator/migrations/{id}})
 * and {@code /actuator/health} {@value #REQUESTS} times each.
 */
final class EndpointPart {

    /** How many requests of each kind after the first. */
    static final int REQUESTS = 15;

    /**
     * One start of the app: the first readiness check's time, the median health check before the report is read,
     * the first report's time, the report's size, and the medians of the later requests.
     */
    record Sample(int rep, double firstMillis, double healthBeforeMillis, double firstReportMillis,
            double reportMillis, long reportBytes, double revisionMillis, double healthMillis) {
    }

    private final Options options;
    private final DatabaseServer server;
    private final Path work;
    private final Results results;

    EndpointPart(Options options, DatabaseServer server, Path work, Results results) {
        this.options = options;
        this.server = server;
        this.work = work;
        this.results = results;
    }

    void run() throws IOException, InterruptedException {
        Path jar = BootStartup.findJar(this.options.sampleAppJar());
        if (jar == null) {
            this.results.notes.add("I skipped: no sample app jar (build it with `mvn -pl sample-app -am package`"
                    + " or pass --sample-app-jar).");
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int n : this.options.ns()) {
            Path dir = Workload.directory(this.work, this.server.db(), Tool.OURS, n);
            for (int rep = 1; rep <= this.options.reps(); rep++) {
                BenchmarkMain.progress("I n=" + n + " rep " + rep);
                BenchServer.Database db = this.server.create();
                int port = freePort();
                List<String> arguments = List.of("--server.port=" + port,
                        "--samokoder.migrations.locations=classpath:db/migrations,filesystem:" + dir);
                Process app = BootStartup.launch(jar, db, this.options.jvmArgs(), arguments);
                try {
                    BootStartup.awaitStarted(app, this.options.childTimeoutSeconds(), "I, N=" + n + ", migrating");
                    BootStartup.stop(app);
                    app = BootStartup.launch(jar, db, this.options.jvmArgs(), arguments);
                    BootStartup.awaitStarted(app, this.options.childTimeoutSeconds(), "I, N=" + n);
                    String base = "http://127.0.0.1:" + port + "/actuator/";
                    long[] first = get(http, base + "health/readiness");
                    List<Double> healthBefore = new ArrayList<>();
                    for (int i = 0; i < REQUESTS; i++) {
                        healthBefore.add(get(http, base + "health")[0] / 1e6);
                    }
                    long[] firstReport = get(http, base + "migrations");
                    List<Double> reports = new ArrayList<>();
                    long bytes = 0;
                    for (int i = 0; i < REQUESTS; i++) {
                        long[] report = get(http, base + "migrations");
                        reports.add(report[0] / 1e6);
                        bytes = report[1];
                    }
                    List<Double> revisions = new ArrayList<>();
                    for (int i = 0; i < REQUESTS; i++) {
                        revisions.add(get(http, base + "migrations/" + Workload.revisionId(n / 2 + 1))[0] / 1e6);
                    }
                    List<Double> health = new ArrayList<>();
                    for (int i = 0; i < REQUESTS; i++) {
                        health.add(get(http, base + "health")[0] / 1e6);
                    }
                    this.results.i.computeIfAbsent(n, x -> new ArrayList<>()).add(new Sample(rep, first[0] / 1e6,
                            Stats.of(healthBefore).median(), firstReport[0] / 1e6, Stats.of(reports).median(), bytes,
                            Stats.of(revisions).median(), Stats.of(health).median()));
                } catch (IOException | RuntimeException e) {
                    this.results.notes.add("I, N=" + n + ", repetition " + rep + ": "
                            + BenchmarkMain.firstLine(String.valueOf(e.getMessage())));
                    System.err.println("I: " + e.getMessage());
                } finally {
                    BootStartup.stop(app);
                    db.drop();
                }
            }
        }
    }

    /** One GET: nanoseconds to the whole body, and its size; fails unless the answer is 200. */
    private static long[] get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return new long[] {nanos, response.body().length};
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void render(StringBuilder md, Options options, Results results) {
        md.append("### I. The actuator endpoint and the health check on a long history\n\n");
        md.append("The sample app (its executable jar) starts against a new database with N more revisions in a ")
                .append("second location, which that start applies (not timed), and is started again with nothing ")
                .append("pending; then, over HTTP on the loopback, ")
                .append("`/actuator/health/readiness` once (what a readiness probe meets first), `/actuator/health` ")
                .append(REQUESTS).append(" times (before anything reads the report), ")
                .append("`/actuator/migrations` once (the first report reads the status and history), then ")
                .append("`/actuator/migrations`, one revision ")
                .append("(`/actuator/migrations/{id}`) and `/actuator/health` ").append(REQUESTS)
                .append(" times each; medians of the later requests, per start.\n\n");
        md.append("| N | first readiness check ms | health before the report ms | first report ms | reports ms"
                + " | report size KB | one revision ms | health ms |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int n : options.ns()) {
            List<Sample> s = results.i.get(n);
            if (s == null) {
                continue;
            }
            md.append("| ").append(n)
                    .append(" | ").append(Stats.of(s, Sample::firstMillis).format())
                    .append(" | ").append(Stats.of(s, Sample::healthBeforeMillis).format())
                    .append(" | ").append(Stats.of(s, Sample::firstReportMillis).format())
                    .append(" | ").append(Stats.of(s, Sample::reportMillis).format())
                    .append(" | ").append(Math.round(s.get(s.size() - 1).reportBytes() / 1024.0))
                    .append(" | ").append(Stats.of(s, Sample::revisionMillis).format())
                    .append(" | ").append(Stats.of(s, Sample::healthMillis).format()).append(" |\n");
        }
        md.append('\n');
    }
}
