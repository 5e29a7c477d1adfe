package id.terpadu.actionplan;

import java.math.BigDecimal;
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

/** The progress of one item in one period (laporan capaian): cumulative realisation up to the period's end. */
@Entity
@Table(name = "action_plan_report")
public class ProgressReport extends AuditedEntity {

    public UUID planId;
    public UUID itemId;

    @Enumerated(EnumType.STRING)
    public Period period;

    public BigDecimal realisation;
    public BigDecimal percentage;
    public String obstacles;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Evidence> evidence;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    public Instant submittedAt;
    public String submittedBy;
    public Instant reviewedAt;
    public String reviewedBy;
    public String reviewNote;

    /** Why a VERIFIED report was last reopened (back to SUBMITTED); null when it never was. */
    public String reopeningReason;

    public Instant reopenedAt;
    public String reopenedBy;
}
