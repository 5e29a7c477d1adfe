package id.terpadu.intake;

/** The kinds of record a report can become or duplicate. */
public enum LinkedType {
    INCIDENT("incident"),
    EARLY_WARNING("early-warning");

    private final String recordType;

    LinkedType(String recordType) {
        this.recordType = recordType;
    }

    /** The change log's name of the type. */
    public String recordType() {
        return recordType;
    }

    static LinkedType of(String recordType) {
        for (LinkedType type : values()) {
            if (type.recordType.equals(recordType)) {
                return type;
            }
        }
        return null;
    }
}
