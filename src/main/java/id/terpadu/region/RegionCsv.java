package id.terpadu.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.terpadu.common.csv.CsvRecords;
import id.terpadu.common.error.Message;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.region.RegionLevel;

/**
 * Reads and checks a region CSV ({@code kode,nama}, RFC 4180 quoting, UTF-8) line by line. Every line is checked;
 * the result holds either the rows or every bad line with its number (1 = the header).
 */
final class RegionCsv {

    record Row(int line, String code, String name, RegionLevel level, String parentCode) {}

    record Parsed(List<Row> rows, CsvRecords.Problems problems) {}

    private RegionCsv() {}

    static Parsed parse(String text) {
        List<Row> rows = new ArrayList<>();
        CsvRecords.Problems problems = new CsvRecords.Problems();
        Map<String, Integer> seen = new HashMap<>();
        CsvRecords.Read read = CsvRecords.read(text);
        if (read.unclosedQuoteAt() != null) {
            problems.add("line " + read.unclosedQuoteAt(), Message.of("region.csv.unclosed-quote"));
        }
        List<CsvRecords.Line> lines = read.lines();
        if (lines.isEmpty()) {
            problems.add("body", Message.of("region.csv.empty"));
            return new Parsed(rows, problems);
        }
        List<String> header = lines.get(0).fields();
        if (header.size() != 2 || !isHeader(header.get(0), header.get(1))) {
            problems.add("line 1", Message.of("region.csv.header"));
        }
        for (CsvRecords.Line line : lines.subList(1, lines.size())) {
            List<String> fields = line.fields();
            String where = line.where();
            if (line.blank()) {
                continue;
            }
            if (fields.size() != 2) {
                problems.add(where, Message.of("region.csv.fields", "found", fields.size()));
                continue;
            }
            String code = fields.get(0).trim();
            String name = fields.get(1).trim();
            if (!RegionCode.isValid(code)) {
                problems.add(where, Message.of("region.csv.code"));
                continue;
            }
            if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
                problems.add(where, Message.of("region.csv.name", "max", 200));
                continue;
            }
            Integer first = seen.putIfAbsent(code, line.number());
            if (first != null) {
                problems.add(where, Message.of("region.csv.duplicate", "code", code, "line", first));
                continue;
            }
            rows.add(new Row(line.number(), code, name, RegionCode.level(code), RegionCode.parent(code)));
        }
        return new Parsed(rows, problems);
    }

    private static boolean isHeader(String a, String b) {
        String first = a.trim().toLowerCase(java.util.Locale.ROOT);
        String second = b.trim().toLowerCase(java.util.Locale.ROOT);
        return (first.equals("kode") && second.equals("nama")) || (first.equals("code") && second.equals("name"));
    }
}
