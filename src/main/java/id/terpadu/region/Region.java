package id.terpadu.region;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import id.terpadu.common.region.RegionLevel;

/** A Kemendagri administrative region; its code is its identity. */
@Entity
public class Region {

    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public RegionLevel level;

    public String parentCode;
    public Instant updatedAt;
    /** When a complete list no longer had the code; null while it is in force. */
    public Instant retiredAt;
    /** The names it had before, oldest first: a JSON array of {@code {name, until}}, written by imports only. */
    @Column(insertable = false, updatable = false, columnDefinition = "jsonb")
    public String formerNames;
}
