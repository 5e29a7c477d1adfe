package id.terpadu.neutrality;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A civil servant in a case and where their handling stands. Part of the case: its changes bump the case's version. */
@Entity
@Table(name = "neutrality_person")
public class NeutralityPerson {

    @Id
    public UUID id;

    public UUID caseId;
    public int position;
    /** Personal data. */
    public String name;
    /** Personal data: NIP (18 digits), optional. */
    public String nip;

    public String employer;

    @Enumerated(EnumType.STRING)
    public PositionCategory positionCategory;

    public String positionTitle;

    @Enumerated(EnumType.STRING)
    public NeutralityStatus status;

    @Enumerated(EnumType.STRING)
    public Recipient recipient;

    public LocalDate recommendedOn;

    @Enumerated(EnumType.STRING)
    public SanctionCategory sanction;

    public LocalDate decidedOn;
    public String note;

    /** Why an imposed sanction was last reopened (back to REKOMENDASI); null when it never was. */
    public String reopeningReason;

    public java.time.Instant reopenedAt;
    public String reopenedBy;
}
