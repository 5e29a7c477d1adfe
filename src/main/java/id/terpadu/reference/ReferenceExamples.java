package id.terpadu.reference;

/**
 * The examples of the API documentation of reference lists, one constant each: the operations refer to them in their
 * {@code @ExampleObject}, and the document defines each once under {@code components/examples}.
 */
final class ReferenceExamples {

    static final String KINDS = """
            {"items": [{"kind": "conflict-categories", "description": "Sources of conflict (UU 7/2012 Ps 5), hierarchical"},
                       {"kind": "activity-types", "description": "Activity types of each handling stage (attributes.stage)"}],
             "nextCursor": null}""";

    static final String ACTIVITY_TYPES = """
            {"items": [{"code": "TD_PENYELAMATAN_EVAKUASI",
                        "label": {"id": "Penyelamatan, evakuasi dan identifikasi korban", "en": "Rescue, evacuation and identification of victims"},
                        "displayLabel": "Penyelamatan, evakuasi dan identifikasi korban",
                        "description": "Identifikasi meliputi pendataan dan pemisahan para pihak",
                        "legalBasis": "PP 2/2015 Ps 9 huruf a", "parent": "TINDAKAN_DARURAT",
                        "attributes": {"stage": "PENGHENTIAN"}}],
             "nextCursor": null}""";

    private ReferenceExamples() {}
}
