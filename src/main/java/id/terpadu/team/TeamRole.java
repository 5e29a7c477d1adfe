package id.terpadu.team;

/** Role of a member within a team (reference kind {@code team-roles}). At most one KETUA and one SEKRETARIS. */
public enum TeamRole {
    PENGARAH,
    KETUA,
    WAKIL_KETUA,
    SEKRETARIS,
    ANGGOTA
}
