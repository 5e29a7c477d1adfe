package id.terpadu.common.security;

/** The roles a token or API key carries (claim {@code roles}). */
public enum Role {
    /** Administers reference data, regions and everything in its scope. */
    ADMIN,
    /** Team secretariat (e.g. Kesbangpol): manages agencies, teams and the handling of cases in its regions. */
    COORDINATOR,
    /** Member-agency staff who report and act in the field. */
    OFFICER,
    /** Reads, never writes. */
    ANALYST,
    /** Integration scripts: feeds and exports. */
    INTEGRATION;

    public static final String ADMIN_ = "ADMIN";
    public static final String COORDINATOR_ = "COORDINATOR";
    public static final String OFFICER_ = "OFFICER";
    public static final String ANALYST_ = "ANALYST";
    public static final String INTEGRATION_ = "INTEGRATION";
}
