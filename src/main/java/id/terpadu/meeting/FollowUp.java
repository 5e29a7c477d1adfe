package id.terpadu.meeting;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MeetingDecisionFollowUp")
public record FollowUp(
        Instant at, @Schema(example = "bawaslu.sumbar") String by, DecisionStatus status, String note) {}
