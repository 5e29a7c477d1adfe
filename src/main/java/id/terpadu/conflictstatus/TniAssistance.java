package id.terpadu.conflictstatus;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import id.terpadu.common.persistence.AuditedEntity;

/** A request for TNI assistance under a conflict status (UU 7/2012 Ps 33–35). */
@Entity
@Table(name = "tni_assistance")
public class TniAssistance extends AuditedEntity {

    public UUID statusId;
    public String requestedBy;
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> units;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<TniTask> tasks;

    public LocalDate startsOn;
    public LocalDate endsOn;
    /** The day the assistance was ended early, and why; null while it runs its period. */
    public LocalDate endedOn;

    public String endReason;
}
