package id.terpadu.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.Params;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.security.Caller;
import id.terpadu.earlywarning.WarningService;
import id.terpadu.incident.IncidentService;
import id.terpadu.intake.IntakeService;
import id.terpadu.neutrality.NeutralityService;
import id.terpadu.privacy.AccessLogResource.AccessResponse;

/** Reads the personal-data access log: within the reader's region scope, newest first. */
@ApplicationScoped
public class AccessLog {

    /** The kinds of record whose personal data is masked, and so may appear in the log. */
    static final List<String> ENTITY_TYPES = List.of(
            IncidentService.INCIDENT.name(),
            WarningService.WARNING.name(),
            NeutralityService.CASE.name(),
            IntakeService.INTAKE.name());
    /** A token subject or {@code api-key:<prefix>} (the bound the OpenAPI document states for {@code actor}). */
    static final int MAX_ACTOR_LENGTH = 255;

    private final AccessLogRepository log;
    private final Caller caller;

    AccessLog(AccessLogRepository log, Caller caller) {
        this.log = log;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AccessResponse> list(
            String actor, UUID entityId, String entityType, Instant from, Instant to, PageRequest page) {
        Params.text(actor, "actor", MAX_ACTOR_LENGTH);
        if (entityType != null && !ENTITY_TYPES.contains(entityType)) {
            throw ProblemException.invalid("entityType", Message.of("access-log.entity-type"), ENTITY_TYPES);
        }
        Filter filter = caller.scope()
                .restrict(new Filter(), "e.regionCode")
                .andIf(actor, "e.actor = :?", actor)
                .andIf(entityId, "e.entityId = :?", entityId)
                .andIf(entityType, "e.entityType = :?", entityType)
                .andIf(from, "e.accessedAt >= :?", from)
                .andIf(to, "e.accessedAt < :?", to);
        return log.page(filter, page).map(AccessResponse::from);
    }
}
