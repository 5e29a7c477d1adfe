package id.terpadu.conflictstatus;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import id.terpadu.common.persistence.AuditedEntity;

/** A declared Status Keadaan Konflik for a region (none for the national scale). */
@Entity
public class ConflictStatus extends AuditedEntity {

    @Enumerated(EnumType.STRING)
    public Scale scale;

    public String regionCode;
    public String declaredBy;
    public String decreeNumber;
    public LocalDate consultationDate;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public LocalDate revokedOn;
    public String revocationReason;
    public String revocationDecree;
}
