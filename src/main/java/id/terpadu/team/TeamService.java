package id.terpadu.team;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import id.terpadu.agency.AgencyService;
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
import id.terpadu.common.persistence.AttachmentCounts;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.region.RegionLevel;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.RegionScope;
import id.terpadu.region.Region;
import id.terpadu.region.RegionService;
import id.terpadu.team.TeamDtos.TeamInput;
import id.terpadu.team.TeamDtos.TeamMemberInput;
import id.terpadu.team.TeamDtos.TeamMemberResponse;
import id.terpadu.team.TeamDtos.TeamResponse;

/**
 * Tim Terpadu and their members (Permendagri 42/2015). Rules: the level matches the region (none for NASIONAL, a
 * province for PROVINSI, a kabupaten or kota for KABUPATEN_KOTA); one team per region per year; at most one KETUA
 * and one SEKRETARIS per team; members and secretariat are agencies the caller can see.
 */
@ApplicationScoped
public class TeamService {

    /** Teams; one team per region and year. */
    @Produces
    public static final RecordType TEAM =
            RecordType.published("team", Team.class).constraint("team_region_year_key", Message.of("team.year.taken"));
    /** Team members; one KETUA and one SEKRETARIS per team; a member agency cannot be deleted. */
    @Produces
    public static final RecordType MEMBER = RecordType.published("team-member", TeamMember.class)
            .constraint("team_member_one_ketua", Message.of("team.role.taken", "role", "KETUA"))
            .constraint("team_member_one_sekretaris", Message.of("team.role.taken", "role", "SEKRETARIS"))
            .constraint("team_member_agency_id_fkey", Message.of("agency.is-member"));

    private final TeamRepository teams;
    private final Caller caller;
    private final ChangeLog changeLog;
    private final RegionService regions;
    private final AgencyService agencies;
    private final Records records;
    private final AttachmentCounts counts;

    private final MergePatch patches;

    TeamService(
            TeamRepository teams,
            Caller caller,
            ChangeLog changeLog,
            RegionService regions,
            AgencyService agencies,
            Records records,
            AttachmentCounts counts,
            MergePatch patches) {
        this.patches = patches;
        this.counts = counts;
        this.teams = teams;
        this.caller = caller;
        this.changeLog = changeLog;
        this.regions = regions;
        this.agencies = agencies;
        this.records = records;
    }

    // ---- teams ------------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TeamResponse> list(TeamLevel level, String region, Integer year, PageRequest page) {
        Filter filter = caller.scope()
                .restrict(new Filter(), "e.regionCode")
                .andIf(level, "e.level = :?", level)
                .andIf(year, "e.year = :?", year);
        if (region != null && !region.isBlank()) {
            RegionCode.require(region, "region");
            RegionScope.Columns.of("e.regionCode").within(filter, region);
        }
        return counts.countedPage(teams.page(filter, page).map(TeamResponse::from));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamResponse get(UUID id) {
        return counts.counted(TeamResponse.from(teams.visible(id)));
    }

    @Transactional
    public TeamResponse create(TeamInput input) {
        Team team = new Team();
        team.id = records.newId(Team.class, input.id());
        apply(team, input);
        return counts.counted(records.created(team, TEAM, team.regionCode, TeamResponse::from));
    }

    @Transactional
    public TeamResponse replace(UUID id, Long expectedVersion, TeamInput input) {
        Team team = teams.writable(id);
        Records.checkReplace(team, input.id(), expectedVersion);
        apply(team, input);
        return counts.counted(records.updated(team, TEAM, team.regionCode, TeamResponse::from));
    }

    /** Deletes the team and its members; each member gets its own tombstone. */
    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        Team team = teams.writable(id);
        ETags.check(expectedVersion, team.version);
        for (TeamMember member : teams.membersOf(id)) {
            records.deleted(member, MEMBER, team.regionCode);
        }
        records.deleted(team, TEAM, team.regionCode);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(UUID id, PageRequest page) {
        teams.visible(id);
        return changeLog.history(TEAM, id, page);
    }

    private void apply(Team team, TeamInput input) {
        String region = input.regionCode() == null || input.regionCode().isBlank()
                ? null
                : input.regionCode().trim();
        caller.scope().requireWritable(region, "regionCode");
        Region place = checkLevel(input.level(), region);
        if (teams.yearTaken(region, input.year(), team.id)) {
            throw ProblemException.conflict(
                    region == null
                            ? Message.of("team.year.taken.nation", "year", input.year())
                            : Message.of("team.year.taken.region", "region", region, "year", input.year()));
        }
        if (input.secretariatAgencyId() != null) {
            agencies.referenced(input.secretariatAgencyId(), "secretariatAgencyId");
        }
        team.level = input.level();
        team.regionCode = region;
        team.year = input.year();
        team.name = input.name() == null || input.name().isBlank()
                ? defaultName(place)
                : input.name().trim();
        team.decreeNumber = input.decreeNumber() == null || input.decreeNumber().isBlank()
                ? null
                : input.decreeNumber().trim();
        team.decreeDate = input.decreeDate();
        team.secretariatAgencyId = input.secretariatAgencyId();
    }

    /** The region of a team of this level; 400 when they do not match. */
    private Region checkLevel(TeamLevel level, String region) {
        if (level == TeamLevel.NASIONAL) {
            if (region != null) {
                throw ProblemException.invalid("regionCode", Message.of("team.region-code.national"));
            }
            return null;
        }
        if (region == null) {
            throw ProblemException.invalid("regionCode", Message.of("team.region-code.required", "level", level));
        }
        regions.requireExisting(region, "regionCode");
        RegionLevel regionLevel = RegionCode.level(region);
        boolean matches = level == TeamLevel.PROVINSI
                ? regionLevel == RegionLevel.PROVINSI
                : regionLevel == RegionLevel.KABUPATEN || regionLevel == RegionLevel.KOTA;
        if (!matches) {
            throw ProblemException.invalid(
                    "regionCode",
                    level == TeamLevel.PROVINSI
                            ? Message.of("team.region-code.province", "region", region, "regionLevel", regionLevel)
                            : Message.of(
                                    "team.region-code.regency",
                                    "level",
                                    level,
                                    "region",
                                    region,
                                    "regionLevel",
                                    regionLevel));
        }
        return regions.get(region);
    }

    private static String defaultName(Region place) {
        String base = "Tim Terpadu Penanganan Konflik Sosial ";
        if (place == null) {
            return base + "Nasional";
        }
        return base + (place.level == RegionLevel.PROVINSI ? "Provinsi " + place.name : place.name);
    }

    // ---- members ----------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TeamMemberResponse> members(UUID teamId, TeamRole role, SubTeam subTeam, PageRequest page) {
        teams.visible(teamId);
        Filter filter = new Filter()
                .and("e.teamId = :?", teamId)
                .andIf(role, "e.role = :?", role)
                .andIf(subTeam, "e.subTeam = :?", subTeam);
        return teams.members(filter, page).map(TeamMemberResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamMemberResponse member(UUID teamId, UUID memberId) {
        teams.visible(teamId);
        return TeamMemberResponse.from(teams.member(teamId, memberId));
    }

    @Transactional
    public TeamMemberResponse addMember(UUID teamId, TeamMemberInput input) {
        Team team = teams.writable(teamId);
        TeamMember member = new TeamMember();
        member.id = records.newId(TeamMember.class, input.id());
        member.teamId = teamId;
        applyMember(member, input);
        return records.created(member, MEMBER, team.regionCode, TeamMemberResponse::from);
    }

    @Transactional
    public TeamMemberResponse replaceMember(UUID teamId, UUID memberId, Long expectedVersion, TeamMemberInput input) {
        Team team = teams.writable(teamId);
        TeamMember member = teams.member(teamId, memberId);
        Records.checkReplace(member, input.id(), expectedVersion);
        applyMember(member, input);
        return records.updated(member, MEMBER, team.regionCode, TeamMemberResponse::from);
    }

    static final MergePatch.Target<TeamInput> PATCHED_TEAM = MergePatch.target(TEAM, TeamInput.class);
    static final MergePatch.Target<TeamMemberInput> PATCHED_MEMBER = MergePatch.target(MEMBER, TeamMemberInput.class);

    /** A merge patch (RFC 7396): the team as its PUT body, patched, then {@link #replace} with its rules. */
    @Transactional
    public TeamResponse patch(UUID id, Long expectedVersion, JsonNode patch) {
        return patches.apply(
                PATCHED_TEAM,
                patch,
                expectedVersion,
                () -> TeamResponse.from(teams.writable(id)),
                (version, input) -> replace(id, version, input));
    }

    /** A merge patch (RFC 7396) of a member, then {@link #replaceMember} with its rules. */
    @Transactional
    public TeamMemberResponse patchMember(UUID teamId, UUID memberId, Long expectedVersion, JsonNode patch) {
        return patches.apply(
                PATCHED_MEMBER,
                patch,
                expectedVersion,
                () -> {
                    teams.writable(teamId);
                    return TeamMemberResponse.from(teams.member(teamId, memberId));
                },
                (version, input) -> replaceMember(teamId, memberId, version, input));
    }

    @Transactional
    public void deleteMember(UUID teamId, UUID memberId, Long expectedVersion) {
        Team team = teams.writable(teamId);
        TeamMember member = teams.member(teamId, memberId);
        ETags.check(expectedVersion, member.version);
        records.deleted(member, MEMBER, team.regionCode);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> memberHistory(UUID teamId, UUID memberId, PageRequest page) {
        teams.visible(teamId);
        teams.member(teamId, memberId);
        return changeLog.history(MEMBER, memberId, page);
    }

    private void applyMember(TeamMember member, TeamMemberInput input) {
        agencies.referenced(input.agencyId(), "agencyId");
        if (input.role() == TeamRole.KETUA || input.role() == TeamRole.SEKRETARIS) {
            if (teams.roleHeld(member.teamId, input.role(), member.id)) {
                throw ProblemException.conflict(Message.of("team.role.taken", "role", input.role()));
            }
        }
        member.agencyId = input.agencyId();
        member.personName = input.personName().trim();
        member.position = input.position() == null || input.position().isBlank()
                ? null
                : input.position().trim();
        member.role = input.role();
        member.subTeam = input.subTeam();
    }
}
