package id.terpadu.common.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.paging.Filter;

/**
 * Which classifications the caller may see, decided once per request and applied in the query layer next to the
 * region scope. CONFIDENTIAL follows the caller's agency ({@code agency_id} claim): its type must be in
 * {@code terpadu.confidential.agency-types} or its id in {@code terpadu.confidential.agency-ids}.
 */
@RequestScoped
public class Clearance {

    private final Caller caller;
    private final EntityManager em;
    private final Policy policy;
    private Set<Classification> readable;

    Clearance(Caller caller, EntityManager em, Policy policy) {
        this.caller = caller;
        this.em = em;
        this.policy = policy;
    }

    /** The configured clearance, read once at start (not per request). */
    @jakarta.inject.Singleton
    public static class Policy {
        final List<String> confidentialTypes;
        final List<String> confidentialIds;

        Policy(SecurityConfig.Confidential config) {
            this.confidentialTypes = List.copyOf(config.agencyTypes());
            this.confidentialIds = List.copyOf(config.agencyIds().orElse(List.of()));
        }

        /** Whether staff of this agency (its id and type) may see CONFIDENTIAL records. */
        public boolean clears(UUID agencyId, String agencyType) {
            return agencyId != null
                    && (confidentialIds.contains(agencyId.toString()) || confidentialTypes.contains(agencyType));
        }
    }

    /**
     * What a person of these roles, whose agency is or is not cleared, may read: the one rule, for the caller of a
     * request ({@link #readable()}) and for the people a notification reaches, outside any request.
     */
    public static Set<Classification> readableBy(java.util.Collection<String> roles, boolean agencyCleared) {
        Set<Classification> set = EnumSet.of(Classification.PUBLIC);
        if (roles.contains(Role.ADMIN_)
                || roles.contains(Role.COORDINATOR_)
                || roles.contains(Role.OFFICER_)
                || roles.contains(Role.ANALYST_)) {
            set.add(Classification.RESTRICTED);
            if (agencyCleared) {
                set.add(Classification.CONFIDENTIAL);
            }
        }
        return set;
    }

    public Set<Classification> readable() {
        if (readable == null && caller.apiKey() != null) {
            // a key reads up to the classification it was issued with (never above its agency's clearance)
            readable = caller.apiKey().classification().andBelow();
        }
        if (readable == null) {
            boolean staff = caller.hasRole(Role.ADMIN_)
                    || caller.hasRole(Role.COORDINATOR_)
                    || caller.hasRole(Role.OFFICER_)
                    || caller.hasRole(Role.ANALYST_);
            // the agency's clearance is asked (a query) only of staff, for whom it matters
            readable = readableBy(caller.roles(), staff && agencyCleared(caller.agencyId()));
        }
        return readable;
    }

    /** Whether staff of this agency may see CONFIDENTIAL records (by its type or id, as configured). */
    public boolean agencyCleared(UUID agencyId) {
        if (agencyId == null) {
            return false;
        }
        if (policy.confidentialIds.contains(agencyId.toString())) {
            return true;
        }
        List<?> type = em.createNativeQuery("select type from agency where id = :id")
                .setParameter("id", agencyId)
                .getResultList();
        return !type.isEmpty() && policy.confidentialTypes.contains(String.valueOf(type.get(0)));
    }

    public boolean canRead(Classification classification) {
        // every caller may read PUBLIC: no need to work out (and query) the caller's agency clearance
        return classification == Classification.PUBLIC || readable().contains(classification);
    }

    /** Restricts a list query to the classifications the caller may see. */
    public Filter restrict(Filter filter, String path) {
        return filter.and(path + " in :?", readable());
    }

    /** 403 when a caller would write a record it could not read back. */
    public void requireWritable(Classification classification) {
        if (!canRead(classification)) {
            throw ProblemException.forbidden(Message.of("classification.refused", "classification", classification));
        }
    }
}
