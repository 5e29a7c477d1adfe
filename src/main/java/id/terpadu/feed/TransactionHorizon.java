package id.terpadu.feed;

import java.math.BigInteger;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;

/**
 * The change feed orders changes by the transaction id that wrote them, so it needs the database's transaction ids
 * to grow past every id in the change log. A logical restore ({@code pg_dump}, {@code pg_restore}) onto another
 * PostgreSQL server breaks that: the new server counts from where its own history stands, usually far below the ids
 * restored into {@code change_log}. Its new changes would sort before the restored ones, so a reader's saved cursor
 * would pass over them, and a new reader would see none of the restored ones until the server's ids caught up. The
 * service refuses to start on such a database and says how to move the server's ids past the log's: PostgreSQL's
 * {@code pg_resetwal -e}, which sets the epoch of its 64-bit transaction ids and changes nothing else.
 */
@Singleton
public class TransactionHorizon {

    private final EntityManager em;

    TransactionHorizon(EntityManager em) {
        this.em = em;
    }

    /** Before anything writes a change: the migrations have run, the start steps that write come after. */
    @Transactional
    void onStart(@Observes @Priority(1) StartupEvent event) {
        List<?> rows = em.createNativeQuery("""
                        select cast(c.txid as text), cast(pg_snapshot_xmax(pg_current_snapshot()) as text)
                        from change_log c order by c.txid desc limit 1""").getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Object[] row = (Object[]) rows.get(0);
        String message = check(new BigInteger((String) row[0]), new BigInteger((String) row[1]));
        if (message != null) {
            throw new IllegalStateException(message);
        }
    }

    /**
     * Why the service must not start when the change log's newest transaction id is not below the server's next
     * one; null when it is.
     */
    static String check(BigInteger newestInLog, BigInteger serverNext) {
        if (newestInLog.compareTo(serverNext) < 0) {
            return null;
        }
        BigInteger epoch = newestInLog.shiftRight(32).add(BigInteger.ONE);
        return "Refusing to start: the change log holds transaction id " + newestInLog + ", ahead of this PostgreSQL "
                + "server's next one (" + serverNext + "). The database was restored from a logical dump onto "
                + "another server, and the change feed, which orders changes by transaction id, would pass over new "
                + "changes. Stop this service and PostgreSQL, run pg_resetwal -e " + epoch + " -D <its data folder> "
                + "as the user PostgreSQL runs as (it moves the server's transaction ids past the restored ones and "
                + "changes no data), start PostgreSQL and this service again. See docs/operations.md, Backups, "
                + "restore, upgrades.";
    }

    /** Whether a feed cursor's transaction id lies at or past the server's next one: no change can have it. */
    boolean ahead(String txid) {
        List<?> rows = em.createNativeQuery("select cast(:txid as xid8) >= pg_snapshot_xmax(pg_current_snapshot())")
                .setParameter("txid", txid)
                .getResultList();
        return Boolean.TRUE.equals(rows.get(0));
    }
}
