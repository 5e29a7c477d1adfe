package id.terpadu.common.security;

/**
 * What an API key may do, besides what its role (INTEGRATION), region scope and classification allow. Checked once
 * per request by {@link ApiKeyScopeFilter}.
 */
public enum ApiKeyScope {
    /** Lists, records by id, statistics and reference data. */
    READ("read"),
    /** The change feed. */
    FEED_READ("feed:read"),
    /** Streaming exports. */
    EXPORT_READ("export:read"),
    /** Report incidents and their activities (as an OFFICER of the key's agency would). */
    INCIDENTS_WRITE("incidents:write");

    private final String value;

    ApiKeyScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static ApiKeyScope of(String value) {
        for (ApiKeyScope scope : values()) {
            if (scope.value.equals(value)) {
                return scope;
            }
        }
        return null;
    }
}
