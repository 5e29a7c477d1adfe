package id.terpadu.privacy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One record answered with its personal data unmasked: who, when, which record, by which request. */
@Entity
public class PersonalDataAccess {

    @Id
    public UUID id;

    public Instant accessedAt;
    public String actor;
    public UUID agencyId;
    public String clientId;
    public String entityType;
    public UUID entityId;
    public String regionCode;
    public String method;
    public String path;
    public String requestId;
}
