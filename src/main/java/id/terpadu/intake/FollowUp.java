package id.terpadu.intake;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.common.changelog.ChangeQueue;

/**
 * "Then DITINDAKLANJUTI when the record moves on": a change of the record a report became (or duplicates) whose stage
 * (an incident) or status (an early warning) is no longer the one it had when linked moves the report's public status
 * from DIVERIFIKASI to DITINDAKLANJUTI. It rides on the change log's own statement ({@link ChangeQueue}), so no
 * feature has to know about community reports: one indexed update that finds nothing for every other change. The
 * move is no change a team made, so it takes a new version (its ETag) but no change-log entry of its own.
 */
@ApplicationScoped
class FollowUp implements ChangeQueue {

    private static final String MOVE_ON = """
            update intake_report r
               set public_status = 'DITINDAKLANJUTI', public_status_at = now(), updated_at = now(),
                   version = r.version + 1
              from change c
             where c.operation = 'UPDATE'
               and r.public_status = 'DIVERIFIKASI'
               and r.linked_id = c.entity_id
               and r.linked_type = c.entity_type
               and r.linked_state is distinct from (
                   select case c.entity_type when 'incident' then s.j ->> 'stage' else s.j ->> 'status' end from s)
            """;

    @Override
    public String insertFromChange() {
        return MOVE_ON;
    }
}
