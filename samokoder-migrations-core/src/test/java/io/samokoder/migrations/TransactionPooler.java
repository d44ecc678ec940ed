package io.samokoder.migrations;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A connection pooler in transaction mode, as PgBouncer's {@code pool_mode = transaction}, for tests: clients
 * connect to it with the PostgreSQL protocol, and each of their transactions (from its first message to the
 * {@code ReadyForQuery} that reports the session idle; in autocommit, each statement or batch) is served by one
 * of its server sessions. The idle sessions wait in a queue: a transaction takes the one at its head, and the
 * session goes back to its end when the transaction ends, so that one client's transactions go to the sessions
 * in turn (round robin, as PgBouncer's {@code server_round_robin = 1}), and with one session all go to it.
 * Session state (settings, session-level advisory locks) thus stays with the server session, not the client.
 * It speaks to a server that trusts its user (no password), answers clients without authentication, and
 * handles neither TLS nor cancel requests; clients must not use named prepared statements
 * ({@code prepareThreshold=0}), as with PgBouncer before 1.21.
 */
final class TransactionPooler implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int CANCEL_REQUEST = 80877102;

    private final ServerSocket listener;
    private final BlockingQueue<ServerSession> idle;
    private final List<ServerSession> all = new ArrayList<>();
    private final List<byte[]> parameterStatus = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    /** Opens {@code sessions} server sessions to the database and starts accepting clients on a free local port. */
    TransactionPooler(String host, int port, String user, String database, int sessions) throws IOException {
        this.idle = new ArrayBlockingQueue<>(sessions);
        for (int i = 0; i < sessions; i++) {
            this.all.add(new ServerSession(host, port, user, database, i == 0 ? this.parameterStatus : null));
        }
        this.idle.addAll(this.all);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "pooler-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** The local port clients connect to. */
    int port() {
        return this.listener.getLocalPort();
    }

    /** The server sessions' backend pids, in the order they are first handed out. */
    List<Integer> serverPids() {
        List<Integer> pids = new ArrayList<>();
        for (ServerSession session : this.all) {
            pids.add(session.pid);
        }
        return pids;
    }

    private void accept() {
        while (!this.listener.isClosed()) {
            try {
                Socket client = this.listener.accept();
                synchronized (this.sockets) {
                    this.sockets.add(client);
                }
                Thread serving = new Thread(() -> serve(client), "pooler-client");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Relays one client's messages, taking a free server session at the start of each transaction. */
    private void serve(Socket socket) {
        Client client = new Client(socket);
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            if (!startUp(in, client.out)) {
                return;
            }
            while (true) {
                byte type = in.readByte();
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                if (type == 'X') {
                    return;
                }
                ServerSession session;
                synchronized (client) {
                    if (client.session == null) {
                        client.session = this.idle.take();
                        client.session.serving = client;
                    }
                    session = client.session;
                }
                session.send(type, body);
            }
        } catch (IOException | InterruptedException e) {
            // The client went away.
        } finally {
            synchronized (client) {
                if (client.session != null) {
                    client.session.serving = null;
                    this.idle.add(client.session);
                    client.session = null;
                }
            }
        }
    }

    /** Answers the client's start-up as a server that trusts it; false for a cancel request. */
    private boolean startUp(DataInputStream in, DataOutputStream out) throws IOException {
        while (true) {
            int length = in.readInt();
            int code = in.readInt();
            in.readNBytes(length - 8);
            if (code == CANCEL_REQUEST) {
                return false;
            }
            if (code == SSL_REQUEST) {
                out.writeByte('N');
                out.flush();
                continue;
            }
            synchronized (out) {
                message(out, 'R', new byte[] {0, 0, 0, 0});
                for (byte[] status : this.parameterStatus) {
                    message(out, 'S', status);
                }
                message(out, 'K', new byte[8]);
                message(out, 'Z', new byte[] {'I'});
                out.flush();
            }
            return true;
        }
    }

    private static void message(DataOutputStream out, int type, byte[] body) throws IOException {
        out.writeByte(type);
        out.writeInt(body.length + 4);
        out.write(body);
    }

    @Override
    public void close() throws IOException {
        this.listener.close();
        synchronized (this.sockets) {
            for (Socket socket : this.sockets) {
                socket.close();
            }
        }
        for (ServerSession session : this.all) {
            session.socket.close();
        }
    }

    /** A client connection and the server session serving its transaction, if any. */
    private static final class Client {
        final DataOutputStream out;
        ServerSession session;

        Client(Socket socket) {
            try {
                this.out = new DataOutputStream(socket.getOutputStream());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One server session and the thread that relays its messages to the client it serves. */
    private final class ServerSession {
        final Socket socket;
        final DataOutputStream out;
        /** The backend's process id, from its {@code BackendKeyData}. */
        final int pid;
        volatile Client serving;

        ServerSession(String host, int port, String user, String database, List<byte[]> statusOut) throws IOException {
            this.socket = new Socket(host, port);
            this.out = new DataOutputStream(this.socket.getOutputStream());
            DataInputStream in = new DataInputStream(this.socket.getInputStream());
            byte[] params = ("user\0" + user + "\0database\0" + database
                    + "\0client_encoding\0UTF8\0DateStyle\0ISO\0\0").getBytes(StandardCharsets.UTF_8);
            this.out.writeInt(params.length + 8);
            this.out.writeInt(196608);
            this.out.write(params);
            this.out.flush();
            int backend = 0;
            while (true) {
                byte type = in.readByte();
                byte[] body = in.readNBytes(in.readInt() - 4);
                if (type == 'K') {
                    backend = ByteBuffer.wrap(body).getInt();
                }
                if (type == 'R' && body[3] != 0) {
                    throw new IllegalStateException("the pooler speaks only to a server that trusts its user");
                }
                if (type == 'E') {
                    throw new IllegalStateException("the server refused the pooler's session");
                }
                if (type == 'S' && statusOut != null) {
                    statusOut.add(body);
                }
                if (type == 'Z') {
                    break;
                }
            }
            this.pid = backend;
            Thread relaying = new Thread(() -> relay(in), "pooler-server");
            relaying.setDaemon(true);
            relaying.start();
        }

        void send(byte type, byte[] body) throws IOException {
            message(this.out, type, body);
            this.out.flush();
        }

        /**
         * Passes the server's messages to the client it serves; at a {@code ReadyForQuery} that reports the
         * session idle, the session goes back to the pool before the client sees it, so that the client's next
         * transaction may go to any session.
         */
        private void relay(DataInputStream in) {
            try {
                while (true) {
                    byte type = in.readByte();
                    byte[] body = in.readNBytes(in.readInt() - 4);
                    Client client = this.serving;
                    if (type == 'Z' && body[0] == 'I' && client != null) {
                        synchronized (client) {
                            client.session = null;
                            this.serving = null;
                            TransactionPooler.this.idle.add(this);
                        }
                    }
                    if (client != null) {
                        OutputStream out = client.out;
                        synchronized (out) {
                            message(client.out, type, body);
                            client.out.flush();
                        }
                    }
                }
            } catch (IOException e) {
                // The server session ended.
            }
        }
    }
}
