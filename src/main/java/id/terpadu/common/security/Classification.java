package id.terpadu.common.security;

/**
 * Who may see a record (reference kind {@code classifications}): PUBLIC everyone including integrations;
 * RESTRICTED the team's members (every role but INTEGRATION); CONFIDENTIAL only callers whose agency the
 * configuration allows (e.g. intelligence reports).
 */
public enum Classification {
    PUBLIC, RESTRICTED, CONFIDENTIAL
}
