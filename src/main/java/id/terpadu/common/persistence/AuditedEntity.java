package id.terpadu.common.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import io.quarkus.arc.Arc;

import id.terpadu.common.security.Caller;

/**
 * A mutable record: UUID id (a client may choose it), a version that is its ETag, and who created and last changed
 * it, when. The stamps are set here, once, for every entity.
 */
@MappedSuperclass
public abstract class AuditedEntity {

    @Id
    public UUID id;

    @Version
    public long version;

    public Instant createdAt;
    public Instant updatedAt;
    public String createdBy;
    public String updatedBy;

    /** The version the change log last saw of this record in this persistence context (as loaded, or as logged). */
    @Transient
    long loggedVersion = -1;

    @PostLoad
    void loaded() {
        loggedVersion = version;
    }

    @PrePersist
    void stampCreate() {
        Instant now = now();
        String who = who();
        createdAt = now;
        updatedAt = now;
        createdBy = who;
        updatedBy = who;
    }

    /** Marks the record changed now by the caller, so that the next flush gives it a new version. */
    void touch() {
        stampUpdate();
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = now();
        updatedBy = who();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String who() {
        var caller = Arc.container().instance(Caller.class);
        return caller.isAvailable() ? caller.get().subject() : "system";
    }
}
