package id.terpadu.team;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import id.terpadu.common.persistence.AuditedEntity;

/** A Tim Terpadu Penanganan Konflik Sosial for one region (or the nation) and one year. */
@Entity
public class Team extends AuditedEntity {

    @Enumerated(EnumType.STRING)
    public TeamLevel level;
    /** {@code null} for the national team. */
    public String regionCode;

    public String name;
    public int year;
    public String decreeNumber;
    public LocalDate decreeDate;
    public UUID secretariatAgencyId;
}
