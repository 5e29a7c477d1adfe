package id.terpadu.common.persistence;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.arc.All;

import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.changelog.Operation;
import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.ETags;

/**
 * The one way a record is created, changed or deleted: flushed so that constraints and the version are
 * settled, then written to the change log in the same transaction with the view the API returns.
 */
@ApplicationScoped
public class Records {

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final List<RemovalListener> removals;

    Records(EntityManager em, ChangeLog changeLog, @All List<RemovalListener> removals) {
        this.em = em;
        this.changeLog = changeLog;
        this.removals = removals;
    }

    /** The id for a new record: the client's own, unless a record of that type already has it (409). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID newId(Class<?> type, UUID requested) {
        if (requested == null) {
            return UUID.randomUUID();
        }
        if (em.find(type, requested) != null) {
            throw ProblemException.conflict(Message.of("record.exists"));
        }
        return requested;
    }

    /**
     * A record named in a field of the request body: what {@code visible} finds, or a 400 naming the field when the
     * record does not exist or the caller may not see it (a 404 is for the path's own record).
     */
    public static <T> T referenced(java.util.function.Supplier<T> visible, String field) {
        try {
            return visible.get();
        } catch (ProblemException e) {
            if (e.type() == id.terpadu.common.error.ProblemType.NOT_FOUND) {
                throw ProblemException.invalid(field, e.detail());
            }
            throw e;
        }
    }

    /** 400 when a replacement body names another id than its path; 412 when the record is not at {@code expected}. */
    public static void checkReplace(AuditedEntity entity, UUID bodyId, Long expectedVersion) {
        ETags.check(expectedVersion, entity.version);
        if (bodyId != null && !bodyId.equals(entity.id)) {
            throw ProblemException.invalid("id", Message.of("record.id.mismatch"));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends AuditedEntity, R> R created(E entity, RecordType type, String regionCode, Function<E, R> view) {
        return created(entity, type, regionCode, view, Function.identity());
    }

    /**
     * As {@link #created(AuditedEntity, RecordType, String, Function)}, logging {@code logged(view)} instead of the view:
     * for records whose answer holds what the change log must never keep (personal data, links the next reader may
     * not be cleared for).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends AuditedEntity, R> R created(
            E entity, RecordType type, String regionCode, Function<E, R> view, Function<R, ?> logged) {
        em.persist(entity);
        return logged(entity, Operation.CREATE, type, regionCode, view, logged);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends AuditedEntity, R> R updated(E entity, RecordType type, String regionCode, Function<E, R> view) {
        return updated(entity, type, regionCode, view, Function.identity());
    }

    /** As {@link #created(AuditedEntity, RecordType, String, Function, Function)} for a change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends AuditedEntity, R> R updated(
            E entity, RecordType type, String regionCode, Function<E, R> view, Function<R, ?> logged) {
        return logged(entity, Operation.UPDATE, type, regionCode, view, logged);
    }

    /**
     * A record that enters the log of {@code type}, having been logged under another type until this change (a
     * community report's photo that becomes an incident's attachment): its changed state, as a CREATE, so that the
     * history and the feed of this type start where the record entered it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends AuditedEntity, R> R entered(
            E entity, RecordType type, String regionCode, Function<E, R> view, Function<R, ?> logged) {
        return logged(entity, Operation.CREATE, type, regionCode, view, logged);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleted(AuditedEntity entity, RecordType type, String regionCode) {
        for (RemovalListener listener : removals) {
            listener.removing(type, entity.id);
        }
        long version = entity.version;
        em.remove(entity);
        flush(entity);
        changeLog.recordDelete(type, entity.id, version + 1, regionCode);
    }

    private <E extends AuditedEntity, R> R logged(
            E entity,
            Operation operation,
            RecordType type,
            String regionCode,
            Function<E, R> view,
            Function<R, ?> logged) {
        flush(entity);
        if (operation == Operation.UPDATE && entity.version == entity.loggedVersion) {
            // None of the record's own columns changed. If what the log would keep is what it already holds (a PUT
            // that repeats the record), nothing happened: no new version, no entry. Otherwise its children changed
            // (persons of a case, say): that is a change of the record, with a version of its own.
            R unchanged = view.apply(entity);
            if (changeLog.isLatest(type, entity.id, logged.apply(unchanged))) {
                return unchanged;
            }
            entity.touch();
            em.flush();
        }
        entity.loggedVersion = entity.version;
        R response = view.apply(entity);
        changeLog.record(type, entity.id, operation, entity.version, regionCode, logged.apply(response));
        return response;
    }

    /**
     * Flushes the record's change. A writer that read the same version and committed first makes it a 412, like a
     * stale If-Match: its current version as the answer's ETag, so that the client re-reads and retries from there.
     */
    private void flush(AuditedEntity entity) {
        try {
            em.flush();
        } catch (jakarta.persistence.OptimisticLockException | org.hibernate.StaleStateException e) {
            Long current = committedVersion(entity);
            Message detail = Message.of("record.changed-meanwhile");
            throw current == null
                    ? new ProblemException(id.terpadu.common.error.ProblemType.PRECONDITION_FAILED, detail)
                    : ProblemException.stale(detail, current);
        }
    }

    /**
     * The version the other writer committed, read without flushing what failed; null when the record is gone or
     * cannot be read now (the 412 then has no ETag: the client reads the record again).
     */
    private Long committedVersion(AuditedEntity entity) {
        try {
            String name = em.getMetamodel().entity(entity.getClass()).getName();
            List<Long> found = em.unwrap(org.hibernate.Session.class)
                    .createSelectionQuery("select e.version from " + name + " e where e.id = :id", Long.class)
                    .setHibernateFlushMode(org.hibernate.FlushMode.MANUAL)
                    .setParameter("id", entity.id)
                    .getResultList();
            return found.isEmpty() ? null : found.get(0);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
