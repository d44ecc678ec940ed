package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on the loopback that holds every chunk of bytes for half a round trip in each direction
 * before passing it on, in order: a database server "across a network" for machines whose kernel has
 * no {@code netem}. Each direction of each connection has a reader thread, which stamps what it reads
 * with the time it is due, and a writer thread, which sends it then. A chunk is due at its arrival
 * plus the delay, so back-to-back chunks keep their spacing, as on a link with latency and ample
 * bandwidth. The delay is a lower bound (the writer wakes a little late): {@link DelayedServer} measures
 * the round trip actually added.
 */
final class DelayProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final long oneWayNanos;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private DelayProxy(ServerSocket listener, InetSocketAddress target, long oneWayNanos) {
        this.listener = listener;
        this.target = target;
        this.oneWayNanos = oneWayNanos;
    }

    /** Starts a proxy to {@code host:port} that adds {@code roundTripMillis} to every round trip. */
    static DelayProxy start(String host, int port, double roundTripMillis) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        DelayProxy proxy = new DelayProxy(listener, new InetSocketAddress(host, port),
                Math.round(roundTripMillis * 1_000_000 / 2));
        Thread acceptor = new Thread(proxy::accept, "delay-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    /** The proxy's port on the loopback. */
    int port() {
        return this.listener.getLocalPort();
    }

    private void accept() {
        while (!this.closed) {
            Socket client = null;
            Socket server = null;
            try {
                client = this.listener.accept();
                this.sockets.add(client);
                server = new Socket();
                this.sockets.add(server);
                server.connect(this.target, 5_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                pipe(client, server, "up");
                pipe(server, client, "down");
            } catch (IOException e) {
                if (!this.closed) {
                    System.err.println("[bench] delay proxy: " + e.getMessage());
                }
                // The client sees its connection refused instead of waiting on a socket nobody serves.
                if (client != null) {
                    close(client);
                }
                if (server != null) {
                    close(server);
                }
            }
        }
    }

    /** One chunk on its way; {@code bytes == null} is the end of the stream. */
    private record Chunk(long due, byte[] bytes) {
    }

    private void pipe(Socket from, Socket to, String direction) throws IOException {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[65_536];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    queue.add(new Chunk(System.nanoTime() + this.oneWayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException e) {
                // The socket closed under the reader: the end of the stream.
            }
            queue.add(new Chunk(System.nanoTime() + this.oneWayNanos, null));
        }, "delay-proxy-read-" + direction);
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Chunk chunk = queue.take();
                    long wait;
                    while ((wait = chunk.due() - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (chunk.bytes() == null) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                close(from);
                close(to);
            }
        }, "delay-proxy-write-" + direction);
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private void close(Socket socket) {
        this.sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // Closing: nothing left to do with it.
        }
    }

    @Override
    public void close() {
        this.closed = true;
        try {
            this.listener.close();
        } catch (IOException e) {
            // Closing: nothing left to do with it.
        }
        for (Socket socket : Set.copyOf(this.sockets)) {
            close(socket);
        }
    }
}
