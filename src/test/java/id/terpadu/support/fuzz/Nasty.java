package id.terpadu.support.fuzz;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The hostile values the fuzzer draws from: boundary numbers, odd Unicode, injection strings, broken cursors and
 * ETags. None of them contains a marker the leak check looks for in successful answers (class names, stack frames,
 * SQL states), so a stored and echoed value can never pass for a leak.
 */
public final class Nasty {

    private Nasty() {}

    /** Numbers at and past the edges of int, long and double, as JSON number text. */
    public static final List<String> NUMBERS = List.of(
            "0",
            "-1",
            "1",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "1e308",
            "-1e308",
            "1e309",
            "4.9e-324",
            "0.5",
            "-0.0",
            "1.0",
            "3.0000000000000001",
            "123456789012345678901234567890",
            "1e-400",
            "65536",
            "32768",
            "-32769",
            "100000000000",
            "1E3",
            "0.000001");

    /** Values that are not numbers but arrive where one is expected. */
    public static final List<String> NOT_NUMBERS = List.of(
            "\"NaN\"",
            "\"Infinity\"",
            "\"-Infinity\"",
            "\"1e309\"",
            "\"0x10\"",
            "\"1_000\"",
            "\"\"",
            "\" 1\"",
            "\"١٢٣\"",
            "true",
            "[]",
            "{}",
            "\"12abc\"");

    public static final List<String> INJECTIONS = List.of(
            "' OR 1=1 --",
            "' OR '1'='1",
            "\"; DROP TABLE incident; --",
            "'); DELETE FROM agency; --",
            "1; UPDATE agency SET name = 'x'",
            "' UNION SELECT password FROM pg_shadow --",
            "1' AND pg_sleep(5) IS NULL --",
            "$$; select 1; $$",
            "\\'; \\x00",
            "%' OR name LIKE '%",
            "${jndi:ldap://127.0.0.1:1389/a}",
            "${env:HOME}",
            "#{7*7}",
            "{{7*7}}",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "../../../../etc/passwd",
            "..%2F..%2F..%2Fetc%2Fpasswd",
            "..\\..\\windows\\win.ini",
            "/dev/zero",
            "file:///etc/passwd",
            "%00",
            "%s%s%s%s%n",
            "{\"$where\": \"1 == 1\"}",
            "a\r\nX-Injected: 1",
            "a\r\n\r\nHTTP/1.1 200 OK",
            "=cmd|' /C calc'!A0",
            "+SUM(1+1)",
            "@SUM(1+1)",
            "-2+3",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
            "]]><x>",
            "*)(uid=*))(|(uid=*",
            "| ls -la",
            "`id`",
            "$(id)",
            "0x27",
            "NULL",
            "null",
            "undefined",
            "true",
            "-1",
            "\u0000",
            "PENCEGAHAN; DROP",
            "' or \"");

    public static final List<String> UNICODE = List.of(
            "\u202eRTL override\u202c",
            "\u200f\u200e\u061c",
            "a\u200db\u200cc\u2060d\ufeffe",
            "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67\u200d\ud83d\udc66",
            "\ud83c\udff3\ufe0f\u200d\ud83c\udf08",
            "Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324\u031e\u0349\u035a\u032f\u031e\u0320\u034dA\u036b\u0357",
            "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
            "\u0000",
            "a\u0000b",
            "\u0007\u0008\u001b[31m",
            "\t",
            " ",
            "\u00a0\u2003\u3000",
            "\u2028\u2029",
            "\ufffd\ufffe\uffff",
            "\udbff\udfff",
            "\u1f600",
            "ﷺ",
            "ǅǈǋ",
            "İıſK",
            "ß→SS",
            "\u0130stanbul",
            "日本語の文字列",
            "العربية",
            "עברית",
            "𝕳𝖊𝖑𝖑𝖔",
            "\u0e14\u0e35\u0e49\u0e49\u0e49\u0e49\u0e49",
            "",
            "   ");

    /** JSON string literals with escapes that a Java string cannot hold as-is: lone surrogates and the like. */
    public static final List<String> RAW_JSON_STRINGS = List.of(
            "\"\\ud800\"",
            "\"a\\udc00b\"",
            "\"\\udbff\"",
            "\"\\u0000\"",
            "\"\\uDEAD\\uBEEF\"",
            "\"\\ud83d\"",
            "\"\\u00\"",
            "\"\\x41\"",
            "\"\\'\"",
            "\"\\/\\b\\f\"");

    /** Raw bytes that are not UTF-8. */
    public static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0xc0, (byte) 0xaf},
            new byte[] {(byte) 0xff, (byte) 0xfe},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xe2, (byte) 0x82},
            new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});

    public static final List<String> ETAGS = List.of(
            "\"0\"",
            "\"1\"",
            "\"-1\"",
            "W/\"1\"",
            "*",
            "1",
            "\"\"",
            "\"abc\"",
            "\"99999999999999999999\"",
            "\"9223372036854775807\"",
            "\"1\", \"2\"",
            "\"1\",",
            "W/",
            "\"",
            "\"\"\"",
            "\"1e3\"",
            "\"0x1\"",
            "\" 1\"",
            "\"1\" garbage",
            "W/\"-9223372036854775808\"",
            "\"NaN\"",
            "null",
            "\"' OR 1=1 --\"",
            "\"1\u00e9\"");

    public static final List<String> IDEMPOTENCY_KEYS = List.of(
            "",
            " ",
            "a b",
            "\u00e9t\u00e9",
            "x".repeat(256),
            "x".repeat(255),
            "key\ttab",
            "' OR 1=1 --",
            "${jndi:ldap://127.0.0.1:1389/a}",
            "../../etc/passwd",
            "\ud83d\ude00",
            "null",
            "0",
            "-");

    public static final List<String> IDS = List.of(
            "not-a-uuid",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "12345",
            "-1",
            "0",
            "1e10",
            "%00",
            "%2e%2e%2f%2e%2e",
            "..",
            ".",
            "%20",
            "00000000-0000-0000-0000-00000000000g",
            "00000000000000000000000000000000",
            "{00000000-0000-0000-0000-000000000000}",
            "00000000-0000-0000-0000-0000000000000",
            "%27%20OR%201%3D1%20--",
            "%3Cscript%3E",
            "%E2%80%AE",
            "%F0%9F%98%80",
            "%C0%AF",
            "%ff",
            "%",
            "%zz",
            "a;b",
            "a,b",
            "~",
            "%u0041");

    public static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "text/csv",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "multipart/form-data; boundary=x",
            "application/json; charset=utf-16",
            "application/json; charset=bogus",
            "application/json;;;",
            "application/octet-stream",
            "application/problem+json",
            "application/merge-patch+json",
            "application/vnd.api+json",
            "*/*",
            "json",
            "application/",
            "APPLICATION/JSON",
            "application/json, text/plain",
            "application/json; charset=\"",
            "text/html; charset=iso-8859-1");

    public static final List<String> ACCEPTS = List.of(
            "application/xml",
            "text/html",
            "*/*",
            "application/json;q=0",
            "text/csv",
            "application/cap+xml",
            "application/atom+xml",
            "application/geo+json",
            "application/x-ndjson",
            ";;;",
            "application/json;q=abc",
            "image/png",
            "application/problem+json",
            "*/*;q=0",
            "text/*, application/*;q=0.1");

    public static final List<String> LANGUAGES = List.of(
            "en",
            "id",
            "fr",
            "*",
            "en;q=abc",
            "id;q=-1",
            "en;q=1e999",
            "x".repeat(300),
            ",,,",
            "zh-Hant-TW;q=0.5, en;q=0.4",
            "\u00e9n");

    public static final List<String> AUTHORIZATIONS = List.of(
            "Bearer",
            "Bearer ",
            "Bearer x.y.z",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl19.",
            "Basic YWRtaW46YWRtaW4=",
            "ApiKey ",
            "ApiKey ' OR 1=1 --",
            "ApiKey trp_x",
            "Digest x",
            "bearer",
            "Bearer " + "A".repeat(8000));

    public static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A long string (10,000 to 100,000 characters) of one repeated or mixed kind. */
    public static String longString(Random random) {
        int length = 10_000 + random.nextInt(90_001);
        StringBuilder s = new StringBuilder(length + 4);
        switch (random.nextInt(4)) {
            case 0 -> s.append("x".repeat(length));
            case 1 -> {
                while (s.length() < length) {
                    s.append(pick(random, UNICODE));
                }
            }
            case 2 -> {
                while (s.length() < length) {
                    s.append("\ud83d\ude00");
                }
            }
            default -> {
                while (s.length() < length) {
                    s.append((char) (0x20 + random.nextInt(0x5f)));
                }
            }
        }
        return s.toString();
    }

    /** A random text of printable and odd characters, up to {@code max} characters. */
    public static String oddText(Random random, int max) {
        int length = random.nextInt(Math.max(1, max) + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                s.append((char) ('a' + random.nextInt(26)));
            } else if (kind < 8) {
                s.append(" .,-/'\"\\%_&<>".charAt(random.nextInt(13)));
            } else {
                s.append(pick(random, UNICODE));
            }
        }
        return s.toString();
    }

    /** Cursors that this API never gave out: random base64, and well-formed ones with hostile values. */
    public static String fakeCursor(Random random) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return switch (random.nextInt(12)) {
            case 0 -> {
                byte[] bytes = new byte[1 + random.nextInt(64)];
                random.nextBytes(bytes);
                yield b64.encodeToString(bytes);
            }
            case 1 -> b64.encodeToString("[\"' OR 1=1 --\"]".getBytes());
            case 2 -> b64.encodeToString("[\"2024-13-45T99:00:00Z\",\"not-a-uuid\"]".getBytes());
            case 3 -> b64.encodeToString(("[\"" + UUID.randomUUID() + "\"]").getBytes());
            case 4 -> b64.encodeToString("[\"1e999\",\"-1\"]".getBytes());
            case 5 -> b64.encodeToString("[1, 2]".getBytes());
            case 6 -> b64.encodeToString("{\"a\":1}".getBytes());
            case 7 -> b64.encodeToString("[\"\",\"\",\"\",\"\",\"\"]".getBytes());
            case 8 -> "!!!not-base64!!!";
            case 9 -> b64.encodeToString(("[\"" + "9".repeat(40) + "\",\"" + UUID.randomUUID() + "\"]").getBytes());
            case 10 ->
                b64.encodeToString(
                        "[\"2024-01-01T00:00:00Z\",\"00000000-0000-0000-0000-000000000000\",\"x\"]".getBytes());
            default -> "A".repeat(3000);
        };
    }

    /** A real cursor with one character changed, cut short, or with bytes added. */
    public static String tamper(Random random, String cursor) {
        if (cursor.isEmpty()) {
            return "A";
        }
        int at = random.nextInt(cursor.length());
        return switch (random.nextInt(4)) {
            case 0 -> cursor.substring(0, at) + (char) ('A' + random.nextInt(26)) + cursor.substring(at + 1);
            case 1 -> cursor.substring(0, at);
            case 2 -> cursor + "AA";
            default -> cursor.substring(0, at) + "=" + cursor.substring(at);
        };
    }
}
