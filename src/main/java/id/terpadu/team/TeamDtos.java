package id.terpadu.team;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.terpadu.common.http.Attachable;
import id.terpadu.common.http.Versioned;
import id.terpadu.common.validation.Constraints;

/** Request and response bodies of {@code /api/v1/teams} and its members. */
public final class TeamDtos {

    private TeamDtos() {}

    @Schema(
            name = "TeamInput",
            description = "A team as a client writes it. `regionCode` is empty for the national "
                    + "team, a province code for PROVINSI and a kabupaten/kota code for KABUPATEN_KOTA.")
    public record TeamInput(
            @Schema(description = "Client-chosen id (create only)", example = "a7e4c1d2-0b3f-4e5a-9c8d-7f6e5d4c3b2a")
            UUID id,

            @NotNull TeamLevel level,

            @Pattern(regexp = Constraints.REGION_CODE, message = Constraints.REGION_CODE_MESSAGE)
            @Schema(example = "19")
            String regionCode,

            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
            @Schema(
                    description = "Defaults to `Tim Terpadu Penanganan Konflik Sosial` followed by the region's name",
                    example = "Tim Terpadu Penanganan Konflik Sosial Provinsi Kepulauan Bangka Belitung")
            String name,

            @NotNull @Min(2012) @Max(2100) @Schema(example = "2023")
            Integer year,

            @Size(max = 200)
            @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
            @Schema(description = "Number of the decree (SK) forming the team", example = "188.44/123/KESBANGPOL/2023")
            String decreeNumber,

            @Schema(example = "2023-02-06") LocalDate decreeDate,

            @Schema(
                    description = "Agency that runs the secretariat (usually Kesbangpol)",
                    example = "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12")
            UUID secretariatAgencyId) {}

    @Schema(name = "Team")
    public record TeamResponse(
            UUID id,
            TeamLevel level,
            @Schema(example = "19") String regionCode,

            @Schema(example = "Tim Terpadu Penanganan Konflik Sosial Provinsi Kepulauan Bangka Belitung")
            String name,

            @Schema(example = "2023") int year,
            @Schema(example = "188.44/123/KESBANGPOL/2023") String decreeNumber,
            @Schema(example = "2023-02-06") LocalDate decreeDate,
            UUID secretariatAgencyId,

            @Schema(description = "Version; also the ETag", example = "0")
            long version,

            Instant createdAt,
            Instant updatedAt,

            @Schema(
                    description =
                            "Attachments of this record you may read (uploads under way and refused ones are not counted)",
                    minimum = "0",
                    example = "2")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            Integer attachments)
            implements Attachable<TeamResponse> {

        @Override
        public TeamResponse withAttachments(int count) {
            return new TeamResponse(
                    id,
                    level,
                    regionCode,
                    name,
                    year,
                    decreeNumber,
                    decreeDate,
                    secretariatAgencyId,
                    version,
                    createdAt,
                    updatedAt,
                    count);
        }

        static TeamResponse from(Team t) {
            return new TeamResponse(
                    t.id,
                    t.level,
                    t.regionCode,
                    t.name,
                    t.year,
                    t.decreeNumber,
                    t.decreeDate,
                    t.secretariatAgencyId,
                    t.version,
                    t.createdAt,
                    t.updatedAt,
                    null);
        }
    }

    @Schema(name = "TeamMemberInput")
    public record TeamMemberInput(
            @Schema(description = "Client-chosen id (create only)", example = "c3d2e1f0-1a2b-4c3d-8e4f-5a6b7c8d9e0f")
            UUID id,

            @NotNull @Schema(example = "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12")
            UUID agencyId,

            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Drs. Fulan bin Fulan")
            String personName,

            @Size(max = 200)
            @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
            @Schema(example = "Kepala Badan Kesbangpol Provinsi")
            String position,

            @NotNull TeamRole role,
            SubTeam subTeam) {}

    @Schema(name = "TeamMember")
    public record TeamMemberResponse(
            UUID id,
            UUID teamId,
            UUID agencyId,
            @Schema(example = "Drs. Fulan bin Fulan") String personName,

            @Schema(example = "Kepala Badan Kesbangpol Provinsi")
            String position,

            TeamRole role,
            SubTeam subTeam,

            @Schema(description = "Version; also the ETag", example = "0")
            long version,

            Instant createdAt,
            Instant updatedAt)
            implements Versioned {

        static TeamMemberResponse from(TeamMember m) {
            return new TeamMemberResponse(
                    m.id,
                    m.teamId,
                    m.agencyId,
                    m.personName,
                    m.position,
                    m.role,
                    m.subTeam,
                    m.version,
                    m.createdAt,
                    m.updatedAt);
        }
    }
}
