package id.terpadu.team;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import id.terpadu.common.persistence.AuditedEntity;

/** A person seated in a team for an agency, with a team role and optionally a sub-team. */
@Entity
public class TeamMember extends AuditedEntity {

    public UUID teamId;
    public UUID agencyId;
    public String personName;
    public String position;

    @Enumerated(EnumType.STRING)
    public TeamRole role;

    @Enumerated(EnumType.STRING)
    public SubTeam subTeam;
}
