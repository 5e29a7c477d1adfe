package id.terpadu.common.validation;

/** Patterns and messages shared by request records. */
public final class Constraints {

    public static final String REGION_CODE = "\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?";
    public static final String REGION_CODE_MESSAGE = "must be a Kemendagri region code: NN, NN.NN, NN.NN.NN or NN.NN.NN.NNNN";

    /** A single line of printable text: no control characters (tabs, line breaks, unit separators …). */
    public static final String ONE_LINE = "[^\\p{Cntrl}]*";
    public static final String ONE_LINE_MESSAGE = "must be one line of text without control characters";

    private Constraints() {
    }
}
