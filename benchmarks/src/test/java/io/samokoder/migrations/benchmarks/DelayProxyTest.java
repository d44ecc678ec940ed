package io.samokoder.migrations.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DelayProxyTest {

    /** An echo server on the loopback: what a connection sends comes back. */
    private static ServerSocket echoServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                byte[] buffer = new byte[4096];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // The test closed the connection.
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    @Test
    void closesTheClientWhenTheServerCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        try (DelayProxy proxy = DelayProxy.start("127.0.0.1", closedPort, 2);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            // A read that waits past this fails the test instead of hanging it.
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read()).as("the end of the stream").isEqualTo(-1);
        }
    }

    @Test
    void passesBytesInOrderBothWaysAndAddsTheRoundTrip() throws Exception {
        try (ServerSocket echo = echoServer();
                DelayProxy proxy = DelayProxy.start("127.0.0.1", echo.getLocalPort(), 40);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] first = "SELECT 1;".getBytes(StandardCharsets.US_ASCII);
            byte[] second = new byte[200_000];
            for (int i = 0; i < second.length; i++) {
                second[i] = (byte) (i * 31);
            }
            long start = System.nanoTime();
            out.write(first);
            out.flush();
            byte[] echoed = new byte[first.length];
            in.readFully(echoed);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(echoed).isEqualTo(first);
            // Half the round trip on the way there, half on the way back: never less than the whole.
            assertThat(millis).isGreaterThanOrEqualTo(40);

            out.write(second);
            out.flush();
            byte[] back = new byte[second.length];
            in.readFully(back);
            assertThat(back).isEqualTo(second);
        }
    }

    @Test
    void endsTheStreamWhenTheClientCloses() throws Exception {
        try (ServerSocket echo = echoServer();
                DelayProxy proxy = DelayProxy.start("127.0.0.1", echo.getLocalPort(), 2);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.getOutputStream().write(42);
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            assertThat(in.read()).isEqualTo(42);
            // The echo server saw the end of its input, closed, and the proxy passed that end on.
            assertThat(in.read()).isEqualTo(-1);
        }
    }
}
