package id.terpadu.agency;

/**
 * The examples of the API documentation of agencies, one constant each: the operations refer to them in their
 * {@code @ExampleObject}, and the document defines each once under {@code components/examples}.
 */
final class AgencyExamples {

    static final String INPUT = """
            {"name": "Polres Pariaman", "type": "POLRI", "parentId": "6c1f7a0e-55c2-4c8e-9d7b-2a3b4c5d6e7f",
             "regionCode": "13.77",
             "contact": {"phone": "+62 751 91110", "email": "humas@polrespariaman.example", "address": "Jl. Imam Bonjol No. 37, Pariaman"}}""";

    /** A merge patch: the name written out in full; every other field stays. */
    static final String PATCH = """
            {"name": "Kepolisian Resor Pariaman"}""";

    static final String RESPONSE = """
            {"id": "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10", "name": "Polres Pariaman", "type": "POLRI",
             "parentId": "6c1f7a0e-55c2-4c8e-9d7b-2a3b4c5d6e7f", "regionCode": "13.77",
             "contact": {"phone": "+62 751 91110", "email": "humas@polrespariaman.example", "address": "Jl. Imam Bonjol No. 37, Pariaman"},
             "version": 0, "createdAt": "2026-02-14T02:15:00Z", "updatedAt": "2026-02-14T02:15:00Z"}""";

    static final String PAGE = "{\"items\": [" + RESPONSE + "], \"nextCursor\": null}";

    private AgencyExamples() {}
}
