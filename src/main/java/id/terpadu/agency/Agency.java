package id.terpadu.agency;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import id.terpadu.common.persistence.AuditedEntity;

/** A member agency or one of its units (Kodam, Korem, Kodim; Polda, Polres, Polsek; BIN, Binda). */
@Entity
public class Agency extends AuditedEntity {

    public String name;

    @Enumerated(EnumType.STRING)
    public AgencyType type;

    public UUID parentId;
    /** {@code null}: a national body. */
    public String regionCode;

    public String phone;
    public String email;
    public String address;
}
