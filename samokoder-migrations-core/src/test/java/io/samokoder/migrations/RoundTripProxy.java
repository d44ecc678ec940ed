package io.samokoder.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of a database server that counts round trips: every time a client sends
 * bytes after the server last answered it (the first bytes of a request) counts one. Statements
 * pipelined by the driver before the first reply count once. {@link #silence()} makes it a host that
 * stopped answering.
 */
final class RoundTripProxy implements AutoCloseable {

    private static final Pattern HOST_PORT = Pattern.compile("(jdbc:[a-z]+://)([^:/?]+)(?::(\\d+))?(.*)");

    private final String host;
    private final int port;
    private final ServerSocket listener;
    private final AtomicLong roundTrips = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicBoolean silent = new AtomicBoolean();

    /** Starts a proxy to the server of {@code jdbcUrl} on a free local port. */
    RoundTripProxy(String jdbcUrl) throws IOException {
        Matcher m = match(jdbcUrl);
        this.host = m.group(2);
        this.port = m.group(3) == null ? 3306 : Integer.parseInt(m.group(3));
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "round-trip-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    /** {@code jdbcUrl} pointing at this proxy instead of the server. */
    String url(String jdbcUrl) {
        Matcher m = match(jdbcUrl);
        return m.group(1) + "127.0.0.1:" + this.listener.getLocalPort() + m.group(4);
    }

    /**
     * From now on passes no byte either way and closes nothing, as a host that lost its network or was powered
     * off: neither side is told (no FIN, no RST), and what the server sends waits unread. New connections are
     * accepted and left unanswered. {@link #close()} ends it all.
     */
    void silence() {
        this.silent.set(true);
    }

    /** The round trips of all connections so far. */
    long roundTrips() {
        return this.roundTrips.get();
    }

    private static Matcher match(String jdbcUrl) {
        Matcher m = HOST_PORT.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a jdbc:<driver>://host[:port]/... URL: " + jdbcUrl);
        }
        return m;
    }

    private void accept() {
        while (!this.listener.isClosed()) {
            try {
                Socket client = this.listener.accept();
                this.sockets.add(client);
                if (this.silent.get()) {
                    continue;
                }
                Socket server = new Socket(this.host, this.port);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                this.sockets.add(server);
                AtomicBoolean answered = new AtomicBoolean(true);
                pump(client.getInputStream(), server.getOutputStream(), answered, true);
                pump(server.getInputStream(), client.getOutputStream(), answered, false);
            } catch (IOException e) {
                if (!this.listener.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void pump(InputStream in, OutputStream out, AtomicBoolean answered, boolean request) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try (in; out) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (this.silent.get()) {
                        holdUntilClosed();
                        return;
                    }
                    if (request) {
                        if (answered.getAndSet(false)) {
                            this.roundTrips.incrementAndGet();
                        }
                    } else {
                        answered.set(true);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // The other side closed: so does this one (try-with-resources).
            }
        }, "round-trip-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Keeps a silenced pump's streams open (closing them would tell both sides) until the proxy closes. */
    private void holdUntilClosed() {
        while (!this.listener.isClosed()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        this.listener.close();
        for (Socket s : this.sockets) {
            s.close();
        }
    }
}
