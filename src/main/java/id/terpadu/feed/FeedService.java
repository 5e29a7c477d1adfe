package id.terpadu.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.terpadu.common.changelog.Audience;
import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.changelog.RecordTypes;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Clearance;
import id.terpadu.feed.FeedDtos.Entry;
import id.terpadu.feed.FeedDtos.FeedPage;
import id.terpadu.feed.FeedDtos.TombstoneReason;

/**
 * The change feed: every change of every feed-able record from the change log, ordered by transaction id, then
 * position. A change is delivered only once every transaction that started before it has ended
 * ({@code txid < pg_snapshot_xmin(pg_current_snapshot())}); no transaction can later add a change before that point,
 * so a reader following the cursor never skips a change, even when transactions commit out of order. The price: a
 * transaction that stays open holds the feed back until it ends (at most the 30 s transaction limit).
 * <p>
 * Each change is judged for the reader by the one rule of who may see a change ({@link Audience}): its region and the
 * classification it had when written (a task or activity has its incident's). A change the reader may see is
 * delivered whole; a delete, or a change that takes a record the reader saw out of view, is a tombstone; anything
 * else is passed over (the cursor still moves past it).
 */
@ApplicationScoped
public class FeedService {

    private final FeedRepository changes;
    private final Caller caller;
    private final Clearance clearance;
    private final ObjectMapper mapper;
    private final List<String> published;
    private final TransactionHorizon horizon;

    FeedService(
            FeedRepository changes,
            Caller caller,
            Clearance clearance,
            ObjectMapper mapper,
            RecordTypes types,
            TransactionHorizon horizon) {
        this.changes = changes;
        this.horizon = horizon;
        this.caller = caller;
        this.clearance = clearance;
        this.mapper = mapper;
        this.published = types.publishedNames();
    }

    /** The record types asked for: each a published type, at most once; none asked: all. */
    public List<String> parseTypes(String types) {
        if (types == null || types.isBlank()) {
            return published;
        }
        List<String> out = new ArrayList<>();
        String[] parts = types.split(",", -1);
        if (parts.length > published.size()) {
            throw ProblemException.invalid("types", Message.of("feed.types.size", "max", published.size()));
        }
        for (int i = 0; i < parts.length; i++) {
            String type = parts[i];
            if (!published.contains(type)) {
                // the value is not repeated: a problem document never echoes what the client sent
                throw ProblemException.invalid("types", Message.of("feed.types.item", "position", i + 1), published);
            }
            if (!out.contains(type)) {
                out.add(type);
            }
        }
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedPage changes(PageRequest page, List<String> types) {
        String[] after = cursor(page);
        Audience reader = Audience.reader(caller.scope(), clearance.readable());
        Filter now = reader.restrict(new Filter("n"), "c");
        Filter before = reader.restrict(new Filter("b"), "p");
        List<?> rows = changes.after(after[0], Long.parseLong(after[1]), types, page.limit() + 1, now, before);
        if (rows.isEmpty() && page.after() != null && horizon.ahead(after[0])) {
            // no transaction of this database has that id yet: a cursor of another database (or of this one before
            // a restore), which would wait here for ever and then pass over changes
            throw ProblemException.invalid("after", Message.of("feed.cursor"));
        }
        boolean hasMore = rows.size() > page.limit();
        List<Entry> entries = new ArrayList<>();
        String last = page.after() == null ? null : PageRequest.encode(List.of(after[0], after[1]));
        for (Object r : rows.subList(0, Math.min(rows.size(), page.limit()))) {
            Object[] row = (Object[]) r;
            String cursor = PageRequest.encode(List.of((String) row[1], row[0].toString()));
            last = cursor;
            boolean visibleNow = Boolean.TRUE.equals(row[8]);
            boolean visibleBefore = Boolean.TRUE.equals(row[9]);
            UUID id = (UUID) row[3];
            if (visibleNow) {
                entries.add(new Entry(
                        cursor,
                        (String) row[2],
                        id,
                        (String) row[4],
                        ((Number) row[5]).longValue(),
                        ChangeLog.toInstant(row[6]),
                        null,
                        read((String) row[7])));
            } else if (visibleBefore) {
                TombstoneReason reason =
                        "DELETE".equals(row[4]) ? TombstoneReason.DELETED : TombstoneReason.OUT_OF_VIEW;
                entries.add(new Entry(
                        cursor,
                        (String) row[2],
                        id,
                        "DELETE",
                        ((Number) row[5]).longValue(),
                        ChangeLog.toInstant(row[6]),
                        reason,
                        mapper.valueToTree(Map.of("id", id.toString(), "deleted", true))));
            }
        }
        if (last == null) {
            last = latest();
        }
        return new FeedPage(entries, last, hasMore);
    }

    /**
     * The cursor after the newest change that is ready now (nothing before it can still appear). The text form of
     * the transaction id has a name of its own: an output column named {@code txid} would be what {@code order by
     * txid} sorts by, as text, and "9999" sorts after "10000".
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String latest() {
        List<?> rows = changes.latest();
        if (rows.isEmpty()) {
            return PageRequest.encode(List.of("0", "0"));
        }
        Object[] row = (Object[]) rows.get(0);
        return PageRequest.encode(List.of((String) row[0], row[1].toString()));
    }

    private static String[] cursor(PageRequest page) {
        if (page.after() == null) {
            return new String[] {"0", "0"};
        }
        List<String> after = page.after();
        // a transaction id is an unsigned 64-bit number (xid8: epoch and 32-bit xid), a position a bigint
        if (after.size() == 2
                && after.get(0).matches("[0-9]{1,20}")
                && after.get(1).matches("[0-9]{1,19}")) {
            try {
                Long.parseUnsignedLong(after.get(0));
                Long.parseLong(after.get(1));
                return after.toArray(String[]::new);
            } catch (NumberFormatException e) {
                // out of range: falls through to the same answer as any other cursor we never gave out
            }
        }
        throw ProblemException.invalid("after", Message.of("feed.cursor"));
    }

    private com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot cannot be read", e);
        }
    }
}
