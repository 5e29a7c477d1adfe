package id.terpadu.common.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;

/**
 * The one implementation of optimistic concurrency over HTTP: a record's ETag is its version; writes must send
 * it back in {@code If-Match} (428 without, 412 when stale); reads honour {@code If-None-Match} (304).
 *
 * <p>A record that takes attachments ({@link Attachable}) adds how many of them the reader may read:
 * {@code "<version>"} while there is none, {@code "<version>-<count>"} otherwise ({@code "3-2"}), since an
 * attachment comes and goes without changing the record's version. {@code If-None-Match} compares the whole tag, so
 * a copy with an old count is answered anew. {@code If-Match} takes either form and compares only the version: an
 * attachment is a resource of its own, and one added meanwhile (a field officer's photo) must not refuse a concurrent
 * edit of the record.
 *
 * <p>An attachment's own tag takes the same form, {@code "<version>-1"}, once the service has described the served
 * copy of an attachment made before that copy's digest and size were kept: its answer changed without a new version
 * (see {@code AttachmentDtos.AttachmentResponse#etag()}).
 */
public final class ETags {

    /** How every write's {@code If-Match} parameter is described. */
    public static final String IF_MATCH =
            "ETag of the version you read (of a record that takes attachments, only its version before the dash counts)";

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The record's tag: its version, and the count of its attachments when it takes any. */
    public static EntityTag of(Versioned record) {
        return new EntityTag(record.etag());
    }

    /**
     * The tag of a representation that is not one record's version (a reference list, a CAP alert, a feed): the
     * first 12 bytes of the SHA-256 of its bytes, so it changes exactly when the answer does.
     */
    public static EntityTag ofContent(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new EntityTag(HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * What a malformed {@code If-Match} (an ETag this service never gave out) expects: no version, so {@link #check}
     * answers 412 once the record is found. The precondition is judged only for a record that exists (RFC 9110
     * §13.2.1): a missing one is a 404 whatever the header says.
     */
    public static final long NO_VERSION = -1;

    /**
     * An {@code If-Match} that is one of our versions without its quotes ({@code 2} for {@code "2"}): it names no
     * version either, and its 412 says how an entity tag is written.
     */
    static final long UNQUOTED = -2;

    /**
     * The version a write expects, from {@code If-Match}: {@code null} for {@code *} (any version),
     * {@link #NO_VERSION} for a tag that names no version of ours. {@code "N"} and {@code "N-M"} (the tag of a record
     * with attachments) both name version N; only the forms we give out count ({@code "007"}, {@code "3-0"} or
     * {@code "3-x"} name nothing).
     *
     * @throws ProblemException 428 when the header is missing
     */
    public static Long requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, Message.of("if-match.required"));
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return null;
        }
        if (value.length() > 2 && value.startsWith("\"") && value.endsWith("\"")) {
            String tag = value.substring(1, value.length() - 1);
            int dash = tag.indexOf('-');
            String version = dash < 0 ? tag : tag.substring(0, dash);
            // only the forms we give out: "+5", "007" or "3-0" name no version of ours (strong comparison, RFC 9110)
            if (canonical(version, 0) && (dash < 0 || canonical(tag.substring(dash + 1), 1))) {
                return Long.parseLong(version);
            }
        }
        return names(value) ? UNQUOTED : NO_VERSION;
    }

    /**
     * The version a transition expects, from an optional {@code If-Match}: {@code null} (any version) when the header
     * is missing, otherwise as {@link #requireIfMatch}.
     */
    public static Long optionalIfMatch(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : requireIfMatch(ifMatch);
    }

    /** Whether the text is a tag we give out without its quotes: {@code N} or {@code N-M}. */
    private static boolean names(String text) {
        int dash = text.indexOf('-');
        return dash < 0
                ? canonical(text, 0)
                : canonical(text.substring(0, dash), 0) && canonical(text.substring(dash + 1), 1);
    }

    /** The message of a 412 for what the client sent: its version when it named one of ours. */
    private static Message staleMessage(Long sent) {
        if (sent == null || sent == NO_VERSION) {
            return Message.of("if-match.stale");
        }
        return sent == UNQUOTED
                ? Message.of("if-match.unquoted")
                : Message.of("if-match.stale.version", "version", sent);
    }

    /** Whether the text is a number at least {@code min} written as we write it (digits, no leading zero). */
    private static boolean canonical(String text, long min) {
        try {
            long n = Long.parseLong(text);
            return n >= min && Long.toString(n).equals(text);
        } catch (NumberFormatException e) {
            // an ETag we never gave out matches nothing
            return false;
        }
    }

    /** 412 unless the record is still at the version the client read. */
    public static void check(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw stale(expected, actual);
        }
    }

    /**
     * The 412 of a record at version {@code actual}: it names the version the client sent when that was one of ours,
     * never repeats raw input, and carries the current version as its ETag.
     */
    public static ProblemException stale(Long sent, long actual) {
        return ProblemException.stale(staleMessage(sent), actual);
    }

    /** The 412; it names the version the client sent when that was one of ours, and never repeats raw input. */
    private static ProblemException stale(Long sent) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED, staleMessage(sent));
    }

    /** 200 with the record and its ETag, or 304 when {@code If-None-Match} already names this tag. */
    public static Response conditionalGet(Request request, Versioned record) {
        return conditionalGet(request, of(record), record);
    }

    /** As {@link #conditionalGet(Request, Versioned)} for a representation tagged otherwise (by its content). */
    public static Response conditionalGet(Request request, EntityTag tag, Object body) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            Response answer = notModified.tag(tag).build();
            if (answer.getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
                // an If-Match that names another version: a problem document like every other 412
                throw stale(null);
            }
            return answer;
        }
        return Response.ok(body).tag(tag).build();
    }
}
