package id.terpadu.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayDeque;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * The body of a {@link StreamedBody} request, read as it arrives by the worker thread that runs its resource.
 *
 * <p>The framework's own request stream asks the I/O thread for one network chunk at a time (8 KB) and sleeps until it
 * comes: two hand-offs between the threads per chunk, about 260,000 for a 1 GB piece, which cost more than the disk
 * (a 1 GB tus piece went at 0.40 to 0.48 of {@code dd}). Here the I/O thread queues the chunks as they come, and wakes
 * the reader once a batch of them is waiting ({@link #WAKE_AT}), when the body ends or fails, or at the latest after
 * {@link #LINGER} for a slow sender, so that a phone's few bytes still arrive at once. The connection is paused while
 * the reader is {@link #PAUSE_AT} behind (a slow disk, a busy store), so a fast sender costs no more memory than that.
 * What arrived before the connection dropped is read before the failure, so it can be kept.
 *
 * <p>Measured on a 1 GB tus piece (bench/attachments.sh, 2 shared cores): the service's CPU fell from 6.6–9.0 s to
 * 3.2–4.3 s (system time from 2.3–3.7 s to 0.6–0.9 s), and the upload from 0.32–0.48 of {@code dd} to 0.37–0.61 on a
 * machine busy with other builds.
 */
public final class StreamedInput extends InputStream implements Handler<Buffer> {

    /** How much waits before the reader is woken: about 64 network chunks per hand-off. */
    static final int WAKE_AT = 512 * 1024;

    /** How far the reader may fall behind before the connection is paused. */
    static final int PAUSE_AT = 4 * 1024 * 1024;

    /** The longest a chunk waits for its batch. */
    static final Duration LINGER = Duration.ofMillis(200);

    private final HttpServerRequest request;
    private final long timeoutNanos;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}: written by the I/O thread, taken by the reader. */
    private ArrayDeque<Buffer> arrived = new ArrayDeque<>();

    private long waiting;
    private boolean ended;
    private Throwable failure;
    private boolean paused;
    private boolean reading;
    /** The reader's own: the batch it took, and the chunk it reads from. */
    private ArrayDeque<Buffer> taken = new ArrayDeque<>();

    private Buffer chunk;
    private int position;
    private boolean closed;
    /** A client that asked to be told to go on is told so at the first read, once the request was not refused. */
    private boolean continues;

    private StreamedInput(HttpServerRequest request, Duration timeout) {
        this.request = request;
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Starts reading {@code request}'s body; a read that waits longer than {@code timeout} for any byte fails and closes
     * the connection, as the framework's own stream does.
     */
    public static InputStream of(HttpServerRequest request, Duration timeout) {
        StreamedInput in = new StreamedInput(request, timeout);
        in.start();
        return in;
    }

    private void start() {
        synchronized (lock) {
            if (request.connection() instanceof ConnectionBase connection
                    && !connection.channel().isOpen()) {
                failure = new ClosedChannelException();
                return;
            }
            if (request.isEnded()) {
                ended = true;
                return;
            }
            request.pause();
            request.handler(this);
            request.endHandler(end -> {
                synchronized (lock) {
                    ended = true;
                    lock.notifyAll();
                }
            });
            request.exceptionHandler(e -> {
                synchronized (lock) {
                    failure = e;
                    lock.notifyAll();
                }
            });
        }
        continues = "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
        request.resume();
    }

    /** A chunk from the network, on the I/O thread. */
    @Override
    public void handle(Buffer buffer) {
        synchronized (lock) {
            arrived.add(buffer);
            waiting += buffer.length();
            if (waiting >= PAUSE_AT && !paused) {
                paused = true;
                request.pause();
            }
            if (reading && waiting >= WAKE_AT) {
                lock.notifyAll();
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the body is closed");
        }
        if (len == 0) {
            return 0;
        }
        if (continues) {
            continues = false;
            if (!request.response().headWritten()) {
                request.response().writeContinue();
            }
        }
        if ((chunk == null || position == chunk.length()) && !next()) {
            return -1;
        }
        int n = Math.min(len, chunk.length() - position);
        chunk.getBytes(position, position + n, b, off);
        position += n;
        return n;
    }

    /** The next chunk, waiting for a batch when none is taken; false at the end of the body. */
    private boolean next() throws IOException {
        chunk = taken.poll();
        position = 0;
        if (chunk != null) {
            return true;
        }
        synchronized (lock) {
            long start = System.nanoTime();
            long lastByte = start;
            long seen = waiting;
            while (waiting < WAKE_AT && !ended && failure == null) {
                long now = System.nanoTime();
                if (waiting > seen) {
                    seen = waiting;
                    lastByte = now;
                }
                if (waiting > 0 && now - start >= LINGER.toNanos()) {
                    break;
                }
                if (now - lastByte >= timeoutNanos) {
                    request.connection().close();
                    throw new Silent(Duration.ofNanos(timeoutNanos));
                }
                reading = true;
                try {
                    lock.wait(Math.max(1, LINGER.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the body");
                } finally {
                    reading = false;
                }
            }
            ArrayDeque<Buffer> batch = arrived;
            arrived = taken;
            taken = batch;
            waiting = 0;
            if (paused) {
                paused = false;
                request.resume();
            }
            chunk = taken.poll();
            if (chunk == null && failure != null) {
                throw failure instanceof IOException io ? io : new IOException(failure);
            }
            return chunk != null;
        }
    }

    /**
     * Ends the request from another thread, as when the client drops it: the reader gets what arrived before, then the
     * failure. Nothing happens once its answer is written (the connection may carry the client's next request).
     */
    public void drop() {
        request.response().reset();
    }

    /** A body of which no byte arrived for longer than the read timeout: the connection was closed. */
    public static final class Silent extends IOException {
        public Silent(Duration timeout) {
            super("no byte of the body arrived for " + timeout);
        }
    }

    /** Stops reading: what has not arrived is left unread, as the framework leaves it. */
    @Override
    public void close() {
        closed = true;
        chunk = null;
        taken.clear();
    }
}
