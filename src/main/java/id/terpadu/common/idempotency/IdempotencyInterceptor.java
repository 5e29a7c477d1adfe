package id.terpadu.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.vertx.core.http.HttpServerRequest;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.security.Caller;

/**
 * {@code Idempotency-Key} for POSTs, PUTs and PATCHes, kept in PostgreSQL for 24 hours per caller. The key is
 * claimed, the
 * request executed and its answer stored in <em>one</em> transaction, so:
 * <ul>
 * <li>a replay with the same key and body gets the stored status, headers and body back;</li>
 * <li>the same key with another body is a 422;</li>
 * <li>a concurrent request with the same key waits on the key's row lock until the first commits, then
 * replays it: exactly one record is created;</li>
 * <li>a request that fails stores nothing, so it can be retried with the same key;</li>
 * <li>a body that is {@link Redactable} is stored (and replayed) without what it shows once only.</li>
 * </ul>
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final HttpServerRequest request;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Caller caller;
    private final Duration retention;
    /** How long a request waits for another one holding the same key before it is told to retry (409). */
    private final Duration wait;

    private ObjectMapper canonical;

    @Inject
    IdempotencyInterceptor(
            HttpServerRequest request, EntityManager em, ObjectMapper mapper, Caller caller, IdempotencyConfig config) {
        this.request = request;
        this.em = em;
        this.mapper = mapper;
        this.caller = caller;
        this.retention = config.retention();
        this.wait = config.waitForHolder();
    }

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return ctx.proceed();
        }
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.invalid(HEADER, Message.of("idempotency.key.format"));
        }
        String principal = caller.subject();
        String hash = fingerprint(ctx.getParameters());
        try {
            return QuarkusTransaction.requiringNew().call(() -> execute(ctx, principal, key, hash));
        } catch (QuarkusTransactionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private Object execute(InvocationContext ctx, String principal, String key, String hash) throws Exception {
        // Wait at most terpadu.idempotency.wait for a concurrent request that holds the same key.
        em.createNativeQuery("select set_config('lock_timeout', :ms, true)")
                .setParameter("ms", wait.toMillis() + "ms")
                .getSingleResult();
        em.createNativeQuery("delete from idempotency_key where principal = :p and key = :k and expires_at < now()")
                .setParameter("p", principal)
                .setParameter("k", key)
                .executeUpdate();
        int claimed;
        try {
            claimed = claim(principal, key, hash);
        } catch (jakarta.persistence.PersistenceException e) {
            if (isLockTimeout(e)) {
                throw new ProblemException(ProblemType.CONFLICT, Message.of("idempotency.key.in-progress"));
            }
            throw e;
        }
        if (claimed == 0) {
            return replay(principal, key, hash);
        }
        // The request itself waits for locks no longer than any other: the connection's own lock_timeout.
        em.createNativeQuery("""
                select set_config('lock_timeout', (select reset_val from pg_settings where name = 'lock_timeout'), true)
                """).getSingleResult();
        Response response = (Response) ctx.proceed();
        Object entity =
                response.getEntity() instanceof Redactable redactable ? redactable.redacted() : response.getEntity();
        byte[] body = entity == null ? null : mapper.writeValueAsBytes(entity);
        em.createNativeQuery("""
                update idempotency_key set status = :s, content_type = :ct, location = :loc, etag = :etag, body = :b
                where principal = :p and key = :k
                """)
                .setParameter("s", response.getStatus())
                .setParameter(
                        "ct",
                        response.getMediaType() == null
                                ? null
                                : response.getMediaType().toString())
                .setParameter(
                        "loc",
                        response.getLocation() == null
                                ? null
                                : response.getLocation().toString())
                .setParameter("etag", response.getHeaderString("ETag"))
                .setParameter("b", body)
                .setParameter("p", principal)
                .setParameter("k", key)
                .executeUpdate();
        return response;
    }

    /** 1 when this request claimed the key; 0 when a committed request already holds it. */
    private int claim(String principal, String key, String hash) {
        return em.createNativeQuery("""
                insert into idempotency_key (principal, key, request_hash, method, path, expires_at)
                values (:p, :k, :h, :m, :path, now() + make_interval(secs => :secs))
                on conflict (principal, key) do nothing
                """)
                .setParameter("p", principal)
                .setParameter("k", key)
                .setParameter("h", hash)
                .setParameter("m", request.method().name())
                .setParameter("path", request.path())
                .setParameter("secs", (double) retention.toSeconds())
                .executeUpdate();
    }

    private static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Response replay(String principal, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select request_hash, status, content_type, location, etag, body
                from idempotency_key where principal = :p and key = :k
                """)
                .setParameter("p", principal)
                .setParameter("k", key)
                .getResultList();
        if (rows.isEmpty() || rows.get(0)[1] == null) {
            throw new ProblemException(ProblemType.CONFLICT, Message.of("idempotency.key.in-progress"));
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, Message.of("idempotency.key.reused"));
        }
        Response.ResponseBuilder builder =
                Response.status(((Number) row[1]).intValue()).header(REPLAYED_HEADER, "true");
        if (row[2] != null) {
            builder.type((String) row[2]);
        }
        if (row[3] != null) {
            builder.header("Location", row[3]);
        }
        if (row[4] != null) {
            builder.header("ETag", row[4]);
        }
        if (row[5] != null) {
            builder.entity(row[5]);
        }
        return builder.build();
    }

    /**
     * SHA-256 of the method, path and the JSON of every argument, with map keys sorted: the same request hashes
     * alike on every instance (request records use lists, never sets, whose order would vary between JVMs).
     */
    private String fingerprint(Object[] arguments) throws Exception {
        if (canonical == null) {
            canonical =
                    mapper.copy().enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update((request.method().name() + " " + request.path() + "\n").getBytes(StandardCharsets.UTF_8));
        for (Object argument : arguments) {
            if (argument == null
                    || argument instanceof String
                    || argument instanceof Number
                    || argument instanceof java.util.UUID) {
                digest.update(String.valueOf(argument).getBytes(StandardCharsets.UTF_8));
            } else if (argument instanceof MultipartFormDataInput form) {
                form(form, digest);
            } else if (argument instanceof java.io.InputStream) {
                // a body read as it arrives (an upload's first piece) cannot be read twice: the key covers the rest
                continue;
            } else if (argument.getClass().getName().startsWith("jakarta.ws.rs")
                    || argument.getClass().getName().startsWith("org.jboss.resteasy")
                    || argument.getClass().getName().startsWith("io.vertx")) {
                continue;
            } else {
                digest.update(canonical.writeValueAsBytes(argument));
            }
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A form's fields in name order, each value or file's bytes, so that the same key with another file is a 422. */
    private static void form(MultipartFormDataInput form, MessageDigest digest) throws java.io.IOException {
        for (var field : new java.util.TreeMap<>(form.getValues()).entrySet()) {
            digest.update(field.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            for (FormValue value : field.getValue()) {
                if (value.isFileItem()) {
                    digest.update(String.valueOf(value.getFileName()).getBytes(StandardCharsets.UTF_8));
                    try (var in = value.getFileItem().getInputStream()) {
                        byte[] buffer = new byte[64 * 1024];
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            digest.update(buffer, 0, n);
                        }
                    }
                } else {
                    digest.update(String.valueOf(value.getValue()).getBytes(StandardCharsets.UTF_8));
                }
                digest.update((byte) 0);
            }
        }
    }
}
