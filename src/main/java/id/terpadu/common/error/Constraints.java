package id.terpadu.common.error;

import java.util.Map;

/**
 * What a violated database constraint means to a client. Services check these rules first and answer with a
 * precise message; the constraints stay as the guarantee under concurrency, and this table words the 409.
 */
final class Constraints {

    private static final Map<String, Message> MESSAGES = Map.ofEntries(
            Map.entry("agency_pkey", Message.of("record.exists")),
            Map.entry("team_pkey", Message.of("record.exists")),
            Map.entry("team_member_pkey", Message.of("record.exists")),
            Map.entry("team_region_year_key", Message.of("team.year.taken")),
            Map.entry("team_member_one_ketua", Message.of("team.role.taken", "role", "KETUA")),
            Map.entry("team_member_one_sekretaris", Message.of("team.role.taken", "role", "SEKRETARIS")),
            Map.entry("agency_parent_id_fkey", Message.of("agency.has-units")),
            Map.entry("team_member_agency_id_fkey", Message.of("agency.is-member")),
            Map.entry("incident_pkey", Message.of("record.exists")),
            Map.entry("incident_lead_agency_id_fkey", Message.of("agency.leads-incidents")),
            Map.entry("incident_activity_agency_id_fkey", Message.of("agency.has-activities")),
            Map.entry("incident_duplicate_of_fkey", Message.of("incident.has-duplicates")));

    private Constraints() {
    }

    static ProblemException problem(String constraint) {
        String key = constraint == null ? "" : constraint.toLowerCase(java.util.Locale.ROOT);
        return ProblemException.conflict(MESSAGES.getOrDefault(key, Message.of("record.conflict")));
    }
}
