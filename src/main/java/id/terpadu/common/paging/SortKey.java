package id.terpadu.common.paging;

import java.util.UUID;
import java.util.function.Function;

/** One column of a keyset order: its query path, direction, and how its cursor text turns back into a value. */
public record SortKey(String path, boolean descending, Function<String, Object> parse) {

    public static SortKey text(String path) {
        return new SortKey(path, false, s -> s);
    }

    public static SortKey uuid(String path) {
        return new SortKey(path, false, UUID::fromString);
    }

    public static SortKey integerDesc(String path) {
        return new SortKey(path, true, Integer::valueOf);
    }

    public static SortKey longDesc(String path) {
        return new SortKey(path, true, Long::valueOf);
    }

    public static SortKey instant(String path) {
        return new SortKey(path, false, java.time.Instant::parse);
    }

    public static SortKey instantDesc(String path) {
        return new SortKey(path, true, java.time.Instant::parse);
    }

    public static SortKey dateDesc(String path) {
        return new SortKey(path, true, java.time.LocalDate::parse);
    }

    public static SortKey date(String path) {
        return new SortKey(path, false, java.time.LocalDate::parse);
    }

    /** An enum column stored as its name, in the names' alphabetical order. */
    public static <E extends Enum<E>> SortKey enumName(String path, Class<E> type) {
        return new SortKey(path, false, s -> Enum.valueOf(type, s));
    }

    public static SortKey uuidDesc(String path) {
        return new SortKey(path, true, UUID::fromString);
    }
}
