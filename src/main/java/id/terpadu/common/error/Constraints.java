package id.terpadu.common.error;

import java.util.Map;

/**
 * What a violated database constraint means to a client. Services check these rules first and answer with a
 * precise message; the constraints stay as the guarantee under concurrency, and this table words the 409.
 */
final class Constraints {

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("agency_pkey", "An agency with this id already exists"),
            Map.entry("team_pkey", "A team with this id already exists"),
            Map.entry("team_member_pkey", "A team member with this id already exists"),
            Map.entry("team_region_year_key", "This region already has a team for that year"),
            Map.entry("team_member_one_ketua", "The team already has a KETUA"),
            Map.entry("team_member_one_sekretaris", "The team already has a SEKRETARIS"),
            Map.entry("agency_parent_id_fkey", "The agency still has subordinate units"),
            Map.entry("team_member_agency_id_fkey", "The agency is still a member of a team"),
            Map.entry("incident_pkey", "An incident with this id already exists"),
            Map.entry("incident_lead_agency_id_fkey", "The agency still leads incidents"),
            Map.entry("incident_activity_agency_id_fkey", "The agency has recorded incident activities"),
            Map.entry("incident_duplicate_of_fkey", "Other reports are marked as duplicates of this incident"));

    private Constraints() {
    }

    static ProblemException problem(String constraint) {
        String key = constraint == null ? "" : constraint.toLowerCase(java.util.Locale.ROOT);
        String message = MESSAGES.getOrDefault(key, "The change conflicts with existing data");
        return ProblemException.conflict(message);
    }
}
