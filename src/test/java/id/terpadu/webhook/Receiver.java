package id.terpadu.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.sun.net.httpserver.HttpServer;

/** A webhook receiver on a random local port: answers each request as told and remembers what it got. */
final class Receiver implements AutoCloseable {

    record Received(
            String id, String timestamp, String signature, String contentType, String body, int answered, Instant at) {}

    /** Answers the n-th request (1, 2, …) of a webhook-id with a status, or sleeps {@code hangMillis} first. */
    volatile IntUnaryOperator answer;

    volatile long hangMillis;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Requests being answered now, and the most there were at once. */
    private final AtomicInteger open = new AtomicInteger();

    final AtomicInteger mostOpen = new AtomicInteger();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final HttpServer server;

    Receiver(IntUnaryOperator answer) throws IOException {
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            int n = counts.computeIfAbsent(String.valueOf(id), k -> new AtomicInteger())
                    .incrementAndGet();
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            try {
                if (hangMillis > 0) {
                    Thread.sleep(hangMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                open.decrementAndGet();
            }
            int status = this.answer.applyAsInt(n);
            received.add(new Received(
                    id,
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body,
                    status,
                    Instant.now()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> of(String id) {
        return received.stream().filter(r -> id.equals(r.id())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
