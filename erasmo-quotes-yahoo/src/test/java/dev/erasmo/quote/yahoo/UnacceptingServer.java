package dev.erasmo.quote.yahoo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A port on 127.0.0.1 where a connection is never made: a server socket that never accepts, its
 * queue of pending connections filled by sockets of its own, so the next connect waits until the
 * client gives up (Linux drops a connection request to a full queue, the client sends it again and
 * again). Nothing answers and nothing refuses. Shipped in the module's test-jar for the app's tests.
 */
public final class UnacceptingServer implements AutoCloseable {

    /** How long a filling connect may take before the queue counts as full. */
    private static final int FILL_TIMEOUT_MILLIS = 200;
    /** More than any queue a backlog of 1 gets (Linux takes 2). */
    private static final int MAX_FILLERS = 16;

    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    public UnacceptingServer() {
        try {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            while (fillers.size() < MAX_FILLERS) {
                Socket s = new Socket();
                try {
                    s.connect(server.getLocalSocketAddress(), FILL_TIMEOUT_MILLIS);
                } catch (SocketTimeoutException full) {
                    s.close();
                    return;
                }
                fillers.add(s);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
        close();
        throw new IllegalStateException("the queue of a server socket with a backlog of 1 took " + MAX_FILLERS + " connections: cannot make one that hangs");
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    @Override
    public void close() {
        for (Socket s : fillers) {
            closeQuietly(s);
        }
        if (server != null) {
            closeQuietly(server);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing a loopback socket in a test: nothing to do about it
        }
    }
}
