package id.terpadu.common.persistence;

import java.util.UUID;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.Clearance;
import id.terpadu.common.security.RegionScope;

/**
 * The repository of an aggregate whose records lie in a region: the one place of the rule who may read and write
 * one. Visible: the record exists, its region lies in the caller's region scope and the caller may read its
 * classification; otherwise a 404 with the aggregate's own message, so that a hidden record and a missing one look
 * alike. Writable: visible, and the caller's region scope may write its region (else 403 naming the field that
 * holds the region). A subclass says where a record's region and classification come from (its own columns, or its
 * team's or agency's) and which message a missing one gets. A record named in another record's body is looked up
 * through {@link Records#referenced}, which turns this 404 into a 400.
 */
public abstract class ScopedRepository<E> implements PanacheRepositoryBase<E, UUID> {

    private final Caller caller;
    private final Clearance clearance;

    protected ScopedRepository(Caller caller, Clearance clearance) {
        this.caller = caller;
        this.clearance = clearance;
    }

    /**
     * For the container's client proxy of an application-scoped repository, which never serves a call itself but
     * hands each one to the instance built with the constructor above.
     */
    protected ScopedRepository() {
        this(null, null);
    }

    /** The region the record lies in; null for a national record. */
    public abstract String regionOf(E record);

    /** The message of the 404 for a record of this id that does not exist or that the caller may not see. */
    protected abstract Message notFound(UUID id);

    /** The record's classification; a record without one is PUBLIC. */
    public Classification classificationOf(E record) {
        return Classification.PUBLIC;
    }

    /** Whether a scope reads records of this region; a national record (null) is read by every scope. */
    protected boolean reads(RegionScope scope, String region) {
        return scope.canRead(region);
    }

    /** The request field that the 403 of {@link #writable} names: the one that holds the record's region. */
    protected String regionField() {
        return "regionCode";
    }

    /** The record if the caller may see it (region scope and classification); 404 otherwise. */
    public E visible(UUID id) {
        return visible(id, id == null ? null : findById(id), this::regionOf, this::classificationOf);
    }

    /**
     * {@code found}, the record of {@code id} or a view of it read without the entity (null when there is none), if
     * the caller may see a record of its region and classification; 404 otherwise.
     */
    public <T> T visible(UUID id, T found, Function<T, String> region, Function<T, Classification> classification) {
        if (found == null
                || !reads(caller.scope(), region.apply(found))
                || !clearance.canRead(classification.apply(found))) {
            throw ProblemException.notFound(notFound(id));
        }
        return found;
    }

    /** The record if the caller may see it and its region scope may write the record's region; 404 or 403 otherwise. */
    public E writable(UUID id) {
        E record = visible(id);
        caller.scope().requireWritable(regionOf(record), regionField());
        return record;
    }

    /**
     * {@link #writable} with the record's row taken ({@code FOR UPDATE}) before it is read, for a decision that two
     * people may make at once (a triage): the second waits, then reads what the first decided and is judged by it (a
     * 409 naming the decision), instead of losing at its flush with a 412 about a version it never sent.
     */
    public E writableForUpdate(UUID id) {
        E record = id == null ? null : findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        visible(id, record, this::regionOf, this::classificationOf);
        caller.scope().requireWritable(regionOf(record), regionField());
        return record;
    }
}
