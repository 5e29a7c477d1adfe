package id.terpadu.meeting;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.validation.Constraints;

@Schema(
        name = "MeetingAttendee",
        description = "Who attended for which organisation; DIWAKILI when a representative "
                + "came in the official's place (then `representedBy` names the representative's position).")
public record Attendee(
        @Schema(
                description = "The member agency, when it is registered",
                example = "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12")
        UUID agencyId,

        @NotBlank
        @Size(max = 300)
        @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
        @Schema(example = "Koramil 01/Wonosobo")
        String organisation,

        @Size(max = 200)
        @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
        @Schema(example = "Kapten Inf. Fulan")
        String personName,

        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
        @Schema(example = "Danramil")
        String position,

        @NotNull Attendance attendance,

        @Size(max = 200)
        @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
        @Schema(example = "Wadanramil")
        String representedBy) {}
