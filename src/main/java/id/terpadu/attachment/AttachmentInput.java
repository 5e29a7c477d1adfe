package id.terpadu.attachment;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.Params;
import id.terpadu.common.security.Classification;
import id.terpadu.common.validation.Constraints;

/**
 * What an uploader says about a file, from the fields of a form ({@code multipart/form-data}) or the pairs of tus's
 * {@code Upload-Metadata}: the same names, the same rules, the same 400 naming the field.
 *
 * @param id             the attachment's id, chosen by the client (a retry finds its own upload), or null
 * @param classification null: the record's own
 * @param capture        where and when it was taken, as the client says (null when it says nothing); not later than
 *                       {@link Constraints#CLOCK_AHEAD} past the service's clock
 */
record AttachmentInput(
        UUID id,
        ParentType parentType,
        UUID parentId,
        AttachmentKind kind,
        String title,
        String caption,
        String fileName,
        Classification classification,
        boolean personalData,
        AttachmentDtos.Capture capture) {

    /** The field names a client may send; anything else is refused, so a misspelt field is not silently lost. */
    static final Set<String> FIELDS = Set.of(
            "id",
            "parentType",
            "parentId",
            "kind",
            "title",
            "caption",
            "filename",
            "classification",
            "personalData",
            "capturedAt",
            "captureLatitude",
            "captureLongitude",
            // tus-js-client sends the browser's file type; the type is detected from the bytes, so it is ignored
            "filetype");

    static final int TITLE_MAX = 200;
    static final int CAPTION_MAX = 2000;
    static final int FILE_NAME_MAX = 255;

    static AttachmentInput parse(Map<String, String> fields, String fileNameFromForm) {
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                throw ProblemException.invalid(
                        name,
                        Message.of(
                                "attachment.field.unknown",
                                "allowed",
                                FIELDS.stream().sorted().toList()));
            }
        }
        ParentType parentType = ParentType.of(required(fields, "parentType"));
        if (parentType == null) {
            throw ProblemException.invalid(
                    "parentType", Message.of("params.enum", "allowed", ParentType.names()), ParentType.names());
        }
        UUID parentId = Params.uuid(required(fields, "parentId"), "parentId");
        AttachmentKind kind = Params.enumValue(AttachmentKind.class, required(fields, "kind"), "kind");
        String title = oneLine(required(fields, "title").trim(), "title", TITLE_MAX);
        String caption = fields.get("caption");
        if (caption != null) {
            caption = caption.strip();
            if (caption.length() > CAPTION_MAX) {
                throw ProblemException.invalid("caption", Message.of("params.text.length", "max", CAPTION_MAX));
            }
            if (!caption.matches("[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*")) {
                throw ProblemException.invalid("caption", Message.of("attachment.caption.control"));
            }
            caption = caption.isEmpty() ? null : caption;
        }
        String given = fields.containsKey("filename") ? fields.get("filename") : fileNameFromForm;
        Instant takenAt = Params.instant(fields.get("capturedAt"), "capturedAt");
        if (takenAt != null && takenAt.isAfter(Instant.now().plus(Constraints.CLOCK_AHEAD))) {
            // a photo is taken before it is sent: only a phone's clock a little ahead is forgiven, as elsewhere
            throw ProblemException.invalid(
                    "capturedAt",
                    Message.of("attachment.captured-at.future", "minutes", Constraints.CLOCK_AHEAD.toMinutes()));
        }
        Double latitude = coordinate(fields.get("captureLatitude"), "captureLatitude", 90);
        Double longitude = coordinate(fields.get("captureLongitude"), "captureLongitude", 180);
        if ((latitude == null) != (longitude == null)) {
            throw ProblemException.invalid(
                    latitude == null ? "captureLatitude" : "captureLongitude", Message.of("attachment.capture.pair"));
        }
        AttachmentDtos.Capture capture = takenAt == null && latitude == null
                ? null
                : new AttachmentDtos.Capture(takenAt, latitude, longitude, "CLIENT");
        Boolean personal = Params.bool(fields.get("personalData"), "personalData");
        return new AttachmentInput(
                Params.uuid(fields.get("id"), "id"),
                parentType,
                parentId,
                kind,
                title,
                caption,
                safeFileName(given, kind),
                Params.enumValue(Classification.class, fields.get("classification"), "classification"),
                personal != null && personal,
                capture);
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(name, Message.of("attachment.field.required"));
        }
        return value;
    }

    private static String oneLine(String value, String field, int max) {
        if (value.isEmpty()) {
            throw ProblemException.invalid(field, Message.of("attachment.field.required"));
        }
        return Params.text(value, field, max);
    }

    private static Double coordinate(String value, String field, int bound) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.trim().matches("[+-]?[0-9]{1,3}(\\.[0-9]{1,12})?")) {
                double d = Double.parseDouble(value.trim());
                if (Math.abs(d) <= bound) {
                    return d;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(field, Message.of("attachment.capture.coordinate", "max", bound));
    }

    /**
     * The file's name without any folder, control or markup character and at most 255 characters, keeping its
     * letters in any script; a name that is left empty becomes the kind's own ({@code foto}, {@code sk}).
     */
    static String safeFileName(String given, AttachmentKind kind) {
        String name = given == null ? "" : Normalizer.normalize(given, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ' ' || c == '(' || c == ')') {
                safe.appendCodePoint(c);
            } else if (!Character.isISOControl(c)) {
                safe.append('_');
            }
        });
        String cleaned = safe.toString().strip().replaceAll("^\\.+", "");
        if (cleaned.isEmpty()) {
            cleaned = kind.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (cleaned.length() > FILE_NAME_MAX) {
            int dot = cleaned.lastIndexOf('.');
            String extension = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, FILE_NAME_MAX - extension.length()) + extension;
        }
        return cleaned;
    }
}
