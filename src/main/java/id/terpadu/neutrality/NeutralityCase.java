package id.terpadu.neutrality;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import id.terpadu.common.persistence.AuditedEntity;

/** An ASN neutrality case: a finding or report about civil servants in an election, and its handling. */
@Entity
@Table(name = "neutrality_case")
public class NeutralityCase extends AuditedEntity {

    @Enumerated(EnumType.STRING)
    public ElectionType electionType;

    public int electionYear;
    public String regionCode;

    @Enumerated(EnumType.STRING)
    public CaseSource source;

    public String registerNumber;
    public LocalDate receivedOn;
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> violationForms;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Evidence> evidence;
    /** Personal data: masked for callers who may not read it, never in the change log. */
    public String reporterName;

    public UUID handlingAgencyId;

    /** The persons removed as added by mistake, with the reason of each; oldest first. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<PersonRemoval> personRemovals = new java.util.ArrayList<>();
}
