package id.terpadu.webhook;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import id.terpadu.common.persistence.AuditedEntity;
import id.terpadu.common.security.Classification;

/** Where to send which changes, signed with which secret. */
@Entity
public class WebhookSubscription extends AuditedEntity {

    public String url;
    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] eventTypes;
    /** {@code null}: national. */
    public String regionCode;

    @Enumerated(EnumType.STRING)
    public Classification maxClassification;

    public String secret;

    @Enumerated(EnumType.STRING)
    public SubscriptionStatus status;

    public String statusReason;
}
