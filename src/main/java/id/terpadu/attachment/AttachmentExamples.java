package id.terpadu.attachment;

/** The examples of the attachment operations, as the development data answers them. */
final class AttachmentExamples {

    private AttachmentExamples() {
    }

    static final String ATTACHMENT = """
            {"id":"0f9e6d1c-3b2a-4c5d-8e7f-1a2b3c4d5e6f","parentType":"incident",\
            "parentId":"af6fb008-dba1-4d28-b730-74f7b82080cd","kind":"FOTO",\
            "title":"Rumah warga terbakar di Simpang Kampung Baru","caption":"Diambil pagi hari setelah bentrokan",\
            "fileName":"IMG_20241012_0931.jpg","mediaType":"image/jpeg","size":2483312,\
            "sha256":"9f2c4b7e0d1a3c5e7f9b2d4f6a8c0e1f3a5c7e9b1d3f5a7c9e0b2d4f6a8c0e1f","status":"AVAILABLE",\
            "rejection":null,"classification":"RESTRICTED","personalData":false,\
            "agencyId":"2b6f0c1e-7a3d-4e59-9c8b-1d2e3f4a5b6c","capture":null,"upload":null,"version":1,\
            "createdBy":"officer-polres-pariaman","createdAt":"2024-10-12T09:40:00Z","updatedAt":"2024-10-12T09:40:02Z"}""";

    static final String UPLOADING = """
            {"id":"0f9e6d1c-3b2a-4c5d-8e7f-1a2b3c4d5e6f","parentType":"incident",\
            "parentId":"af6fb008-dba1-4d28-b730-74f7b82080cd","kind":"FOTO",\
            "title":"Rumah warga terbakar di Simpang Kampung Baru","caption":null,\
            "fileName":"IMG_20241012_0931.jpg","mediaType":null,"size":2483312,"sha256":null,"status":"UPLOADING",\
            "rejection":null,"classification":"RESTRICTED","personalData":false,\
            "agencyId":"2b6f0c1e-7a3d-4e59-9c8b-1d2e3f4a5b6c","capture":null,\
            "upload":{"offset":0,"expiresAt":"2024-10-13T09:40:00Z"},"version":0,\
            "createdBy":"officer-polres-pariaman","createdAt":"2024-10-12T09:40:00Z","updatedAt":"2024-10-12T09:40:00Z"}""";

    static final String PAGE = "{\"items\":[" + ATTACHMENT + "],\"nextCursor\":null}";

    static final String LIMITS = """
            {"maxSizeByKind":{"FOTO":26214400,"VIDEO":1073741824,"AUDIO":52428800,"TANGKAPAN_LAYAR":10485760,\
            "DOKUMEN":209715200,"SK":209715200,"NOTULEN":209715200,"DAFTAR_HADIR":209715200,"SURAT":209715200,\
            "KAJIAN":209715200},"maxSimpleSize":8388608,"maxUploadSize":1073741824,"maxPerRecord":100,\
            "maxBytesPerAgencyPerDay":5368709120,"uploadExpirySeconds":86400,\
            "mediaTypesByKind":{"FOTO":["image/heic","image/heif","image/jpeg","image/png","image/webp"]}}""";
}
