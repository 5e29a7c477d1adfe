package id.terpadu.conflictstatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An extension of a conflict status's term; never changed once recorded. */
@Entity
@Table(name = "conflict_status_extension")
public class Extension {

    @Id
    public UUID id;

    public UUID statusId;
    public String decreeNumber;
    public String reason;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public Instant createdAt;
    public String createdBy;
}
