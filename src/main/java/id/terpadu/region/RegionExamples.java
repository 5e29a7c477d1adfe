package id.terpadu.region;

/**
 * The examples of the API documentation of regions, one constant each: the operations refer to them in their
 * {@code @ExampleObject}, and the document defines each once under {@code components/examples}.
 */
final class RegionExamples {

    static final String PAGE = """
            {"items": [{"code": "19.01", "name": "Kabupaten Bangka", "level": "KABUPATEN", "parentCode": "19"},
                       {"code": "19.71", "name": "Kota Pangkal Pinang", "level": "KOTA", "parentCode": "19"}],
             "nextCursor": "MTkuNzE"}""";

    static final String KOTA = """
            {"code": "19.71", "name": "Kota Pangkal Pinang", "level": "KOTA", "parentCode": "19"}""";

    static final String CSV = """
            kode,nama
            13.77,Kota Pariaman
            13.77.01,Pariaman Tengah
            13.77.01.1001,Karan Aur
            """;

    static final String RESULT = """
            {"received": 91599, "inserted": 91561, "updated": 0, "unchanged": 38, "retired": 0,
             "elapsedMillis": 2814}""";

    private RegionExamples() {}
}
