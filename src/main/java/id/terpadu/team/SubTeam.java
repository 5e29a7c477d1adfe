package id.terpadu.team;

/** Sub-teams of a team (reference kind {@code sub-teams}). */
public enum SubTeam {
    PENCEGAHAN,
    PENGHENTIAN,
    PEMULIHAN
}
