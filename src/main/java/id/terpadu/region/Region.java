package id.terpadu.region;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

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
}
