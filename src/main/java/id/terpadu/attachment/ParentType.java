package id.terpadu.attachment;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The records that take attachments, by their name in the change log and the API. */
public enum ParentType {
    INCIDENT("incident"),
    EARLY_WARNING("early-warning"),
    INCIDENT_ACTIVITY("incident-activity"),
    MEETING("meeting"),
    TEAM("team"),
    CONFLICT_STATUS("conflict-status"),
    ACTION_PLAN_REPORT("action-plan-report"),
    NEUTRALITY_CASE("neutrality-case"),
    /** A community report: its photos, sent by the reporter with the report's upload key. */
    INTAKE_REPORT("intake-report");

    private final String value;

    ParentType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static ParentType of(String value) {
        return Arrays.stream(values())
                .filter(t -> t.value.equals(value))
                .findFirst()
                .orElse(null);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ParentType::value).toList();
    }

    @Override
    public String toString() {
        return value;
    }
}
