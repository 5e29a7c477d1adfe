package id.terpadu.common.changelog;

public enum Operation {
    CREATE,
    UPDATE,
    DELETE
}
