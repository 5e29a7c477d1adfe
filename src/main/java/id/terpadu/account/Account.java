package id.terpadu.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import id.terpadu.common.persistence.AuditedEntity;

/**
 * A person's account: the identity provider's issuer and subject of their tokens, and the rights the account gives
 * (roles, agency, region scope). Email and phone are personal data: masked for readers who may not see them, never
 * in the change log.
 */
@Entity
@Table(name = "account")
public class Account extends AuditedEntity {

    public String issuer;
    public String subject;
    public String name;
    public UUID agencyId;

    /** The agency's region (null: a national account), which decides who manages the account. */
    public String regionCode;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> roles;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> regionScope;

    public String email;
    public String phone;
    public String language;
    public boolean active;
    public Instant deactivatedAt;
    public String deactivatedBy;
    public String deactivationReason;
}
