package id.terpadu.agency;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.All;

import id.terpadu.agency.AgencyDtos.AgencyInput;
import id.terpadu.agency.AgencyDtos.AgencyResponse;
import id.terpadu.common.changelog.ChangeEntry;
import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.ETags;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.patch.MergePatch;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.RegionScope;
import id.terpadu.region.RegionService;

/**
 * Member agencies. Rules: the region exists and lies in the caller's scope; a parent unit exists, is visible,
 * covers the unit's region and is not the unit itself or one of its subordinates; an agency still referenced by
 * units or team members cannot be deleted. A move to another region is told to the {@link AgencyMoveListener}s in
 * the same transaction (the accounts of its people follow it).
 */
@ApplicationScoped
public class AgencyService {

    /** The change-log type of agencies; an agency with units cannot be deleted under them. */
    @Produces
    public static final RecordType AGENCY = RecordType.published("agency", Agency.class)
            .constraint("agency_parent_id_fkey", Message.of("agency.has-units"));

    private final AgencyRepository agencies;
    private final Caller caller;
    private final ChangeLog changeLog;
    private final RegionService regions;
    private final Records records;

    private final MergePatch patches;
    private final List<AgencyMoveListener> moves;

    AgencyService(
            AgencyRepository agencies,
            Caller caller,
            ChangeLog changeLog,
            RegionService regions,
            Records records,
            MergePatch patches,
            @All List<AgencyMoveListener> moves) {
        this.patches = patches;
        this.moves = moves;
        this.agencies = agencies;
        this.caller = caller;
        this.changeLog = changeLog;
        this.regions = regions;
        this.records = records;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AgencyResponse> list(AgencyType type, String region, UUID parentId, String query, PageRequest page) {
        Filter filter = caller.scope()
                .restrict(new Filter(), "e.regionCode")
                .andIf(type, "e.type = :?", type)
                .andIf(parentId, "e.parentId = :?", parentId);
        if (region != null && !region.isBlank()) {
            RegionCode.require(region, "region");
            RegionScope.Columns.of("e.regionCode").within(filter, region);
        }
        if (query != null && !query.isBlank()) {
            filter.and("lower(e.name) like :?", Filter.containing(query));
        }
        return agencies.page(filter, page).map(AgencyResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgencyResponse get(UUID id) {
        return AgencyResponse.from(agencies.visible(id));
    }

    /**
     * Whether the caller is a person who acts for their own agency: they have one, and their region scope covers the
     * agency's region (a national agency's, only a national scope). An officer lent to another province (their scope
     * there alone) does not; nor does an API key or an integration account, which read only within their own region
     * scope whatever agency they were issued for.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean actsForOwnAgency(id.terpadu.common.security.Caller caller) {
        if (caller.apiKey() != null
                || !(caller.hasRole(id.terpadu.common.security.Role.ADMIN_)
                        || caller.hasRole(id.terpadu.common.security.Role.COORDINATOR_)
                        || caller.hasRole(id.terpadu.common.security.Role.OFFICER_)
                        || caller.hasRole(id.terpadu.common.security.Role.ANALYST_))) {
            return false;
        }
        UUID own = caller.agencyId();
        Agency agency = own == null ? null : agencies.findById(own);
        return agency != null && caller.scope().covers(agency.regionCode);
    }

    /** A referenced agency (a field of another record): 400 naming the field unless the caller may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Agency referenced(UUID id, String field) {
        return Records.referenced(() -> agencies.visible(id), field);
    }

    @Transactional
    public AgencyResponse create(AgencyInput input) {
        Agency agency = new Agency();
        agency.id = records.newId(Agency.class, input.id());
        apply(agency, input);
        return records.created(agency, AGENCY, agency.regionCode, AgencyResponse::from);
    }

    @Transactional
    public AgencyResponse replace(UUID id, Long expectedVersion, AgencyInput input) {
        Agency agency = agencies.writable(id);
        Records.checkReplace(agency, input.id(), expectedVersion);
        String region = blankToNull(input.regionCode());
        if (region != null && !region.equals(agency.regionCode) && agencies.unitsOutside(id, region)) {
            throw ProblemException.conflict(Message.of("agency.units.outside", "region", region));
        }
        String from = agency.regionCode;
        apply(agency, input);
        AgencyResponse updated = records.updated(agency, AGENCY, agency.regionCode, AgencyResponse::from);
        if (!Objects.equals(from, agency.regionCode)) {
            for (AgencyMoveListener listener : moves) {
                listener.moved(agency.id, from, agency.regionCode);
            }
        }
        return updated;
    }

    static final MergePatch.Target<AgencyInput> PATCHED = MergePatch.target(AGENCY, AgencyInput.class);

    /** A merge patch (RFC 7396): the agency as its PUT body, patched, then {@link #replace} with its rules. */
    @Transactional
    public AgencyResponse patch(UUID id, Long expectedVersion, JsonNode patch) {
        return patches.apply(
                PATCHED,
                patch,
                expectedVersion,
                () -> AgencyResponse.from(agencies.writable(id)),
                (version, input) -> replace(id, version, input));
    }

    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        Agency agency = agencies.writable(id);
        ETags.check(expectedVersion, agency.version);
        if (agencies.hasUnits(id)) {
            throw ProblemException.conflict(Message.of("agency.has-units"));
        }
        if (agencies.isTeamMember(id)) {
            throw ProblemException.conflict(Message.of("agency.is-member"));
        }
        records.deleted(agency, AGENCY, agency.regionCode);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(UUID id, PageRequest page) {
        agencies.visible(id);
        return changeLog.history(AGENCY, id, page);
    }

    private void apply(Agency agency, AgencyInput input) {
        String region = blankToNull(input.regionCode());
        caller.scope().requireWritable(region, "regionCode");
        if (region != null) {
            regions.requireExisting(region, "regionCode");
        }
        if (input.parentId() != null) {
            Agency parent = referenced(input.parentId(), "parentId");
            if (parent.regionCode != null && (region == null || !RegionCode.within(region, parent.regionCode))) {
                throw ProblemException.invalid(
                        "regionCode", Message.of("agency.region.outside-parent", "region", parent.regionCode));
            }
            if (agency.id.equals(parent.id) || ancestors(parent).contains(agency.id)) {
                throw ProblemException.invalid("parentId", Message.of("agency.parent.cycle"));
            }
        }
        agency.name = input.name().trim();
        agency.type = input.type();
        agency.parentId = input.parentId();
        agency.regionCode = region;
        agency.phone =
                input.contact() == null ? null : blankToNull(input.contact().phone());
        agency.email =
                input.contact() == null ? null : blankToNull(input.contact().email());
        agency.address =
                input.contact() == null ? null : blankToNull(input.contact().address());
    }

    /** The ids above {@code agency}, nearest first; stops at a loop. */
    private Set<UUID> ancestors(Agency agency) {
        Set<UUID> seen = new HashSet<>();
        UUID next = agency.parentId;
        while (next != null && seen.add(next)) {
            Agency up = agencies.findById(next);
            next = up == null ? null : up.parentId;
        }
        return seen;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
