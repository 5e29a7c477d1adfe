package id.terpadu.common.csv;

import java.util.ArrayList;
import java.util.List;

import id.terpadu.common.error.FieldProblem;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;

/**
 * Reads an uploaded CSV file (RFC 4180 quoting, UTF-8, an optional byte order mark) into records with the line each
 * starts on, and collects the problems of its lines: every line is checked, the first {@link #MAX_REPORTED} are
 * reported and all are counted, so that one answer names the bad lines of a whole file.
 */
public final class CsvRecords {

    public static final int MAX_REPORTED = 100;

    /** One record and the line it starts on (1 = the first line of the file). */
    public record Line(int number, List<String> fields) {

        public boolean blank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }

        /** The field name a problem of this line is reported under. */
        public String where() {
            return "line " + number;
        }
    }

    /** The records, and the line of a quoted field that is never closed (or null). */
    public record Read(List<Line> lines, Integer unclosedQuoteAt) {}

    private CsvRecords() {}

    public static Read read(String text) {
        if (text == null) {
            text = "";
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Line> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        int i = 0;
        int n = text.length();
        boolean any = false;
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.length() == 0) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                lines.add(new Line(recordLine, fields));
                fields = new ArrayList<>();
                field.setLength(0);
                line++;
                recordLine = line;
                any = false;
            } else {
                field.append(c);
                any = true;
            }
            i++;
        }
        if (quoted) {
            return new Read(lines, recordLine);
        }
        if (any || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            lines.add(new Line(recordLine, fields));
        }
        return new Read(lines, null);
    }

    /** The problems of a file's lines: all counted, the first {@link #MAX_REPORTED} kept. */
    public static final class Problems {
        private final List<FieldProblem> reported = new ArrayList<>();
        private int count;

        public void add(String field, Message message) {
            count++;
            if (reported.size() < MAX_REPORTED) {
                reported.add(FieldProblem.of(field, message));
            }
        }

        public int count() {
            return count;
        }

        public boolean any() {
            return count > 0;
        }

        public List<FieldProblem> reported() {
            return reported;
        }

        /**
         * The 400 listing the reported problems, its detail given how many there are ({@code count}) and how many are
         * listed ({@code listed}, fewer when more were found than {@link #MAX_REPORTED}).
         */
        public ProblemException refusal(java.util.function.BiFunction<Integer, Integer, Message> detail) {
            return new ProblemException(
                    ProblemType.VALIDATION, detail.apply(count, reported.size()), List.copyOf(reported), null);
        }
    }
}
