package id.terpadu.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import id.terpadu.common.persistence.AuditedEntity;
import id.terpadu.common.security.Classification;

/** An API key of an integration script. Only the SHA-256 of the key is kept; the key itself is shown once. */
@Entity
@Table(name = "api_key")
public class ApiKey extends AuditedEntity {

    public UUID agencyId;
    public String name;
    public String prefix;
    public String keyHash;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> regionScope;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> scopes;

    @Enumerated(EnumType.STRING)
    public Classification classification;

    public Instant expiresAt;
    public Instant revokedAt;
    public String revokedBy;
    public String revocationReason;
    public Instant lastUsedAt;
}
