package id.terpadu.attachment;

/** The examples of the attachment operations, as the development data answers them. */
final class AttachmentExamples {

    private AttachmentExamples() {}

    // the demo data set's records (dev/DemoIds)
    static final String INCIDENT_ID = "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f";
    static final String ATTACHMENT_ID = "0f9e6d1c-3b2a-4c5d-8e7f-1a2b3c4d5e6f";
    static final String ATTACHMENT_TO_DELETE_ID = "3c8b1e0a-6d2f-4a7c-9b5e-8f1d2c3b4a5e";
    static final String UPLOAD_ID = "9a7b5c3d-1e2f-4a6b-8c0d-2e4f6a8b0c1d";
    static final String UPLOAD_TO_ABANDON_ID = "6e4c2a0b-8d9f-4b7a-a5c3-1e0f9d8c7b6a";

    static final String ATTACHMENT = """
            {"id":"0f9e6d1c-3b2a-4c5d-8e7f-1a2b3c4d5e6f","parentType":"incident",\
            "parentId":"5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f","kind":"FOTO",\
            "title":"Lokasi bentrokan di Simpang Kampung Baru","caption":null,\
            "fileName":"foto","mediaType":"image/png","size":2483,\
            "sha256":"9f2c4b7e0d1a3c5e7f9b2d4f6a8c0e1f3a5c7e9b1d3f5a7c9e0b2d4f6a8c0e1f",\
            "contentSha256":"4c1e8a0f2b7d9e3c5a6f8b0d2e4c6a8f0b2d4e6c8a0f2b4d6e8c0a2f4b6d8e0c","status":"AVAILABLE",\
            "rejection":null,"classification":"RESTRICTED","personalData":false,\
            "agencyId":null,"capture":null,"upload":null,"version":1,\
            "createdBy":"demo-data","createdAt":"2024-10-12T09:40:00Z","updatedAt":"2024-10-12T09:40:00Z"}""";

    static final String UPLOADING = """
            {"id":"9a7b5c3d-1e2f-4a6b-8c0d-2e4f6a8b0c1d","parentType":"incident",\
            "parentId":"5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f","kind":"VIDEO",\
            "title":"Video bentrokan (sedang diunggah)","caption":null,\
            "fileName":"video","mediaType":null,"size":2483312,"sha256":null,"contentSha256":null,\
            "status":"UPLOADING",\
            "rejection":null,"classification":"RESTRICTED","personalData":false,\
            "agencyId":null,"capture":null,\
            "upload":{"offset":0,"expiresAt":"2024-10-13T09:40:00Z"},"version":0,\
            "createdBy":"demo-data","createdAt":"2024-10-12T09:40:00Z","updatedAt":"2024-10-12T09:40:00Z"}""";

    /** The fields of a form (the file itself is picked in Swagger UI). */
    static final String FORM = """
            {"file":"(the file)","parentType":"incident","parentId":"5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f","kind":"FOTO",\
            "title":"Rumah warga terbakar di Simpang Kampung Baru","caption":"Diambil pagi hari setelah bentrokan"}""";

    /** tus metadata of a photo of the demo incident (parentType, parentId, kind, title, filename). */
    static final String METADATA = "parentType aW5jaWRlbnQ=,parentId NWI3ZjBkMmUtOGMxYS00ZTNiLTlmNmQtMmExYzBlOWI4ZDdm,"
            + "kind Rk9UTw==,title UnVtYWggd2FyZ2EgdGVyYmFrYXI=,filename SU1HXzIwMjQxMDEyXzA5MzEuanBn";

    /** The bytes of a piece (here a few of a text, as a person may type them in Swagger UI). */
    static final String PIECE = "potongan pertama berkas";

    static final String PAGE = "{\"items\":[" + ATTACHMENT + "],\"nextCursor\":null}";

    static final String LIMITS = """
            {"kinds":[{"kind":"FOTO","maxSize":26214400,\
            "mediaTypes":["image/heic","image/heif","image/jpeg","image/png","image/webp"]},\
            {"kind":"SK","maxSize":209715200,"mediaTypes":["application/pdf","image/jpeg","image/png"]}],\
            "maxSimpleSize":8388608,"maxUploadSize":1073741824,"maxPerRecord":100,\
            "maxBytesPerAgencyPerDay":5368709120,"uploadExpirySeconds":86400}""";

    /** What a download holds: the file's bytes (here shown as text). */
    static final String BYTES = "(the bytes of the file)";

    static final String RANGE_PROBLEM = """
            {"type":"urn:terpadu:problem:range-not-satisfiable","title":"Range not satisfiable","status":416,\
            "detail":"The range starts past the end of the file, which has 2483 bytes",\
            "instance":"/api/v1/attachments/0f9e6d1c-3b2a-4c5d-8e7f-1a2b3c4d5e6f/content",\
            "requestId":"3f6c1d2e-8a9b-4c0d-9e1f-2a3b4c5d6e7f"}""";

    static final String CHECKSUM_PROBLEM = """
            {"type":"urn:terpadu:problem:checksum-mismatch","title":"Checksum mismatch","status":460,\
            "detail":"The piece does not match its Upload-Checksum; nothing of it was kept",\
            "instance":"/api/v1/uploads/9a7b5c3d-1e2f-4a6b-8c0d-2e4f6a8b0c1d",\
            "requestId":"3f6c1d2e-8a9b-4c0d-9e1f-2a3b4c5d6e7f"}""";

    /** The upload key of the demo report K7QM-4XPD-R2 (development only: the demo data set gives it that report). */
    static final String REPORT_KEY = "DEVELOPMENT-ONLY-demo-report-key";

    /** A reporter's photo upload under way on the demo report, and one to abandon. */
    static final String REPORT_UPLOAD_ID = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";

    static final String REPORT_UPLOAD_TO_ABANDON_ID = "7e6d5c4b-3a2f-4e1d-9c8b-0a9f8e7d6c5b";

    /** A reporter's form: the photo and a caption. */
    static final String PUBLIC_FORM = """
            {"file": "(the photo)", "caption": "Diambil dari seberang jalan"}""";

    /** tus metadata of a reporter's photo (filename, filetype). */
    static final String PUBLIC_METADATA = "filename SU1HXzIwMjQxMDEyXzA5MzEuanBn,filetype aW1hZ2UvanBlZw==";

    static final String REPORT_PHOTO = """
            {"id": "2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182", "status": "AVAILABLE", "size": 48213,
             "mediaType": "image/jpeg", "upload": null}""";

    static final String REPORT_UPLOADING = """
            {"id": "2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182", "status": "UPLOADING", "size": 48213,
             "mediaType": null, "upload": {"offset": 0, "expiresAt": "2024-10-13T10:05:00Z"}}""";
}
