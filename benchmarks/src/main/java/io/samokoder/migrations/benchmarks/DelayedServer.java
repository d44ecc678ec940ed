package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * A server reached through a {@link DelayProxy} ({@code --latency-ms}): every database it creates is
 * handed to the tools with a URL that points at the proxy, so each of their round trips pays the
 * added latency, as against a server across a network. Creating and dropping databases goes to the
 * server directly. At start it measures what a round trip ({@code SELECT 1}) costs directly and
 * through the proxy, for the report.
 */
final class DelayedServer implements DatabaseServer {

    private static final int PINGS = 200;

    private final DatabaseServer server;
    private final DelayProxy proxy;
    private final String measured;

    private DelayedServer(DatabaseServer server, DelayProxy proxy, String measured) {
        this.server = server;
        this.proxy = proxy;
        this.measured = measured;
    }

    /** The server behind a proxy that adds {@code roundTripMillis} to each round trip. */
    static DelayedServer wrap(DatabaseServer server, double roundTripMillis) {
        BenchServer.Database probe = server.create();
        try {
            String hostPort = hostPort(probe.url());
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port = colon < 0 ? (server.db() == Db.MARIADB ? 3306 : 5432)
                    : Integer.parseInt(hostPort.substring(colon + 1));
            DelayProxy proxy = DelayProxy.start(host, port, roundTripMillis);
            double direct = medianRoundTrip(probe.url(), probe);
            double delayed = medianRoundTrip(through(probe.url(), proxy.port()), probe);
            String measured = String.format(Locale.ROOT, "a proxy adding %.2f ms per round trip (nominal; a"
                    + " SELECT 1 took %.3f ms directly and %.3f ms through it, medians of %d)",
                    roundTripMillis, direct, delayed, PINGS);
            return new DelayedServer(server, proxy, measured);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the delay proxy", e);
        } finally {
            probe.drop();
        }
    }

    @Override
    public Db db() {
        return this.server.db();
    }

    @Override
    public boolean serverCommits() {
        return this.server.serverCommits();
    }

    @Override
    public String description() {
        return this.server.description() + ", reached through " + this.measured;
    }

    @Override
    public BenchServer.Database create() {
        BenchServer.Database db = this.server.create();
        return new BenchServer.Database(db.name(), through(db.url(), this.proxy.port()), db.user(), db.password(),
                db::drop);
    }

    /** The {@code host[:port]} of a {@code jdbc:<kind>://host[:port]/...} URL. */
    static String hostPort(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            throw new IllegalArgumentException("Not a jdbc:<kind>://host[:port]/ URL: --latency-ms needs one");
        }
        start += 2;
        int end = start;
        while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?') {
            end++;
        }
        return url.substring(start, end);
    }

    /** The URL with its host and port replaced by the proxy's. */
    static String through(String url, int proxyPort) {
        String hostPort = hostPort(url);
        int start = url.indexOf("//") + 2;
        return url.substring(0, start) + "127.0.0.1:" + proxyPort + url.substring(start + hostPort.length());
    }

    private static double medianRoundTrip(String url, BenchServer.Database db) {
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
                Statement st = c.createStatement()) {
            long[] nanos = new long[PINGS];
            for (int i = -PINGS / 4; i < PINGS; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = st.executeQuery("SELECT 1")) {
                    rs.next();
                }
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(nanos);
            return nanos[PINGS / 2] / 1e6;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot measure a round trip to the benchmark's server: " + e.getMessage(), e);
        }
    }
}
