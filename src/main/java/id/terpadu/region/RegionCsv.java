package id.terpadu.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.terpadu.common.error.FieldProblem;
import id.terpadu.common.error.Message;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.region.RegionLevel;

/**
 * Reads and checks a region CSV ({@code kode,nama}, RFC 4180 quoting, UTF-8) line by line. Every line is checked;
 * the result holds either the rows or every bad line with its number (1 = the header).
 */
final class RegionCsv {

    static final int MAX_REPORTED = 100;

    record Row(int line, String code, String name, RegionLevel level, String parentCode) {}

    record Parsed(List<Row> rows, List<FieldProblem> errors, int errorCount) {}

    private RegionCsv() {}

    static Parsed parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<FieldProblem> errors = new ArrayList<>();
        int[] errorCount = {0};
        Map<String, Integer> seen = new HashMap<>();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String unterminated = split(text, records, lineNumbers);
        if (unterminated != null) {
            add(errors, errorCount, "line " + unterminated, Message.of("region.csv.unclosed-quote"));
        }
        if (records.isEmpty()) {
            add(errors, errorCount, "body", Message.of("region.csv.empty"));
            return new Parsed(rows, errors, errorCount[0]);
        }
        List<String> header = records.get(0);
        if (header.size() != 2 || !isHeader(header.get(0), header.get(1))) {
            add(errors, errorCount, "line 1", Message.of("region.csv.header"));
        }
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            String where = "line " + lineNumbers.get(i);
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (fields.size() != 2) {
                add(errors, errorCount, where, Message.of("region.csv.fields", "found", fields.size()));
                continue;
            }
            String code = fields.get(0).trim();
            String name = fields.get(1).trim();
            if (!RegionCode.isValid(code)) {
                add(errors, errorCount, where, Message.of("region.csv.code"));
                continue;
            }
            if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
                add(errors, errorCount, where, Message.of("region.csv.name", "max", 200));
                continue;
            }
            Integer first = seen.putIfAbsent(code, lineNumbers.get(i));
            if (first != null) {
                add(errors, errorCount, where, Message.of("region.csv.duplicate", "code", code, "line", first));
                continue;
            }
            rows.add(new Row(lineNumbers.get(i), code, name, RegionCode.level(code), RegionCode.parent(code)));
        }
        return new Parsed(rows, errors, errorCount[0]);
    }

    private static boolean isHeader(String a, String b) {
        String first = a.trim().toLowerCase(java.util.Locale.ROOT);
        String second = b.trim().toLowerCase(java.util.Locale.ROOT);
        return (first.equals("kode") && second.equals("nama")) || (first.equals("code") && second.equals("name"));
    }

    static void add(List<FieldProblem> errors, int[] count, String field, Message message) {
        count[0]++;
        if (errors.size() < MAX_REPORTED) {
            errors.add(FieldProblem.of(field, message));
        }
    }

    /** RFC 4180 records; returns the line number of an unterminated quote, or null. */
    private static String split(String text, List<List<String>> records, List<Integer> lineNumbers) {
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
                records.add(fields);
                lineNumbers.add(recordLine);
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
            return Integer.toString(recordLine);
        }
        if (any || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
            lineNumbers.add(recordLine);
        }
        return null;
    }
}
