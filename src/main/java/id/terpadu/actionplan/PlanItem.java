package id.terpadu.actionplan;

import java.math.BigDecimal;
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

/** One activity of a plan (kegiatan rencana aksi): its stage, indicator, target, agencies, budget and schedule. */
@Entity
@Table(name = "action_plan_item")
public class PlanItem extends AuditedEntity {

    public UUID planId;

    @Enumerated(EnumType.STRING)
    public PlanStage stage;

    public String activity;
    public String indicator;
    public BigDecimal targetValue;
    public String targetUnit;
    public UUID responsibleAgencyId;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<UUID> supportingAgencyIds;

    public Long budgetIdr;
    public LocalDate startsOn;
    public LocalDate endsOn;
}
