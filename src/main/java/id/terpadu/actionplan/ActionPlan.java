package id.terpadu.actionplan;

import java.util.UUID;

import jakarta.persistence.Entity;

import id.terpadu.common.persistence.AuditedEntity;

/** A Rencana Aksi Terpadu: one per team per year (Permendagri 42/2015). Its region is its team's. */
@Entity
public class ActionPlan extends AuditedEntity {

    public UUID teamId;
    public int year;
    public String title;
    public String decree;
}
