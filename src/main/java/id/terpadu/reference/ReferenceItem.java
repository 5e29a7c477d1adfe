package id.terpadu.reference;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One code of the reference data, with its labels, meaning and legal basis. */
@Schema(name = "ReferenceItem")
public record ReferenceItem(
        @Schema(example = "TD_PENYELAMATAN_EVAKUASI") String code,
        Label label,

        @Schema(
                description = "The label in the language negotiated by Accept-Language",
                example = "Penyelamatan, evakuasi dan identifikasi korban")
        String displayLabel,

        @Schema(example = "Identifikasi meliputi pendataan dan pemisahan para pihak")
        String description,

        @Schema(example = "PP 2/2015 Ps 9 huruf a") String legalBasis,

        @Schema(description = "Code of the parent item of the same kind", example = "TINDAKAN_DARURAT")
        String parent,

        @Schema(
                description = "Kind-specific attributes, e.g. the stage an activity type belongs to",
                example = "{\"stage\": \"PENGHENTIAN\"}")
        Map<String, Object> attributes) {

    @Schema(name = "Label")
    public record Label(
            @Schema(example = "Penyelamatan, evakuasi dan identifikasi korban")
            String id,

            @Schema(example = "Rescue, evacuation and identification of victims")
            String en) {}
}
