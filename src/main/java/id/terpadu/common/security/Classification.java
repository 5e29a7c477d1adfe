package id.terpadu.common.security;

/**
 * Who may see a record (reference kind {@code classifications}): PUBLIC everyone including integrations;
 * RESTRICTED the team's members (every role but INTEGRATION); CONFIDENTIAL only callers whose agency the
 * configuration allows (e.g. intelligence reports).
 */
public enum Classification {
    PUBLIC,
    RESTRICTED,
    CONFIDENTIAL;

    /** This classification and every lower one: what a reader cleared up to it may see. */
    public java.util.Set<Classification> andBelow() {
        return java.util.EnumSet.range(PUBLIC, this);
    }
}
