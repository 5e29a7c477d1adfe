package id.terpadu.team;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;
import id.terpadu.common.persistence.ScopedRepository;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Clearance;

/**
 * Tim Terpadu and their members: every query of the aggregate. A team is visible by its region (a national team by
 * everyone); it has no classification. Meetings and action plans lie in their team's region.
 */
@ApplicationScoped
public class TeamRepository extends ScopedRepository<Team> {

    private static final List<SortKey> ORDER =
            List.of(SortKey.integerDesc("e.year"), SortKey.text("e.name"), SortKey.uuid("e.id"));
    private static final List<SortKey> MEMBER_ORDER = List.of(SortKey.text("e.personName"), SortKey.uuid("e.id"));

    TeamRepository(Caller caller, Clearance clearance) {
        super(caller, clearance);
    }

    @Override
    public String regionOf(Team team) {
        return team.regionCode;
    }

    @Override
    protected Message notFound(UUID id) {
        return Message.of("team.not-found", "id", id);
    }

    Page<Team> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                Team.class,
                "Team e",
                filter,
                ORDER,
                page,
                t -> List.of(Integer.toString(t.year), t.name, t.id.toString()));
    }

    /** The teams with these ids, by id. */
    public Map<UUID, Team> byId(List<UUID> ids) {
        return ids.isEmpty()
                ? Map.of()
                : list("id in ?1", ids).stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
    }

    /** Whether another team than {@code except} has this region (national: null) and year. */
    boolean yearTaken(String region, int year, UUID except) {
        return getEntityManager()
                        .createQuery("""
                select count(*) from Team t where coalesce(t.regionCode, '') = :region and t.year = :year and t.id <> :id
                """, Long.class)
                        .setParameter("region", region == null ? "" : region)
                        .setParameter("year", year)
                        .setParameter("id", except)
                        .getSingleResult()
                > 0;
    }

    /**
     * The team one level above a kabupaten/kota of this province: the province's team of {@code year} or the latest
     * before it, else the national team of that time; null when there is neither.
     */
    @SuppressWarnings("unchecked")
    public UUID provinceOrNational(String province, int year) {
        List<UUID> team = getEntityManager()
                .createNativeQuery("""
                select id from team
                where ((level = 'PROVINSI' and region_code = :province) or level = 'NASIONAL') and year <= :year
                order by case level when 'PROVINSI' then 0 else 1 end, year desc limit 1
                """)
                .setParameter("province", province)
                .setParameter("year", year)
                .getResultList();
        return team.isEmpty() ? null : team.get(0);
    }

    /** The national team of {@code year} or the latest before it; null when there is none. */
    @SuppressWarnings("unchecked")
    public Team nationalTeam(int year) {
        List<UUID> team = getEntityManager()
                .createNativeQuery("""
                select id from team where level = 'NASIONAL' and year <= :year order by year desc limit 1
                """)
                .setParameter("year", year)
                .getResultList();
        return team.isEmpty() ? null : findById(team.get(0));
    }

    /**
     * The team whose queue receives what happens in a region: the kabupaten/kota's team of {@code year} or the latest
     * before it, else its province's; null when neither has one. {@code regency} is null for a province-level place.
     */
    @SuppressWarnings("unchecked")
    public Team queueTeam(String regency, String province, int year) {
        List<UUID> team = getEntityManager()
                .createNativeQuery("""
                select id from team
                where ((level = 'KABUPATEN_KOTA' and region_code = :regency) or (level = 'PROVINSI' and region_code = :province))
                  and year <= :year
                order by case level when 'KABUPATEN_KOTA' then 0 else 1 end, year desc limit 1
                """)
                .setParameter("regency", regency == null ? "" : regency)
                .setParameter("province", province)
                .setParameter("year", year)
                .getResultList();
        return team.isEmpty() ? null : findById(team.get(0));
    }

    // ---- members --------------------------------------------------------------------------------------------

    Page<TeamMember> members(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                TeamMember.class,
                "TeamMember e",
                filter,
                MEMBER_ORDER,
                page,
                m -> List.of(m.personName, m.id.toString()));
    }

    List<TeamMember> membersOf(UUID teamId) {
        return getEntityManager()
                .createQuery("from TeamMember m where m.teamId = :id", TeamMember.class)
                .setParameter("id", teamId)
                .getResultList();
    }

    /** The member of this team; 404 when there is none. */
    TeamMember member(UUID teamId, UUID memberId) {
        TeamMember member = memberId == null ? null : getEntityManager().find(TeamMember.class, memberId);
        if (member == null || !member.teamId.equals(teamId)) {
            throw ProblemException.notFound(Message.of("team.member.not-found", "id", memberId));
        }
        return member;
    }

    /** Whether a member of the team other than {@code except} holds the role. */
    boolean roleHeld(UUID teamId, TeamRole role, UUID except) {
        return getEntityManager()
                        .createQuery("""
                select count(*) from TeamMember m where m.teamId = :team and m.role = :role and m.id <> :id
                """, Long.class)
                        .setParameter("team", teamId)
                        .setParameter("role", role)
                        .setParameter("id", except)
                        .getSingleResult()
                > 0;
    }
}
