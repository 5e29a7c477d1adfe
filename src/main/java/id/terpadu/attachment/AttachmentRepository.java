package id.terpadu.attachment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.common.error.Message;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;
import id.terpadu.common.persistence.ScopedRepository;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.Clearance;
import id.terpadu.conflictstatus.ConflictStatusService;

/**
 * Attachments, their uploads under way and the pieces those have received, and the queue of bytes to remove. An
 * attachment is visible by its own classification and its record's region; the service also asks its record.
 */
@ApplicationScoped
public class AttachmentRepository extends ScopedRepository<Attachment> {

    private static final List<SortKey> ORDER = List.of(SortKey.instant("e.createdAt"), SortKey.uuid("e.id"));

    AttachmentRepository(Caller caller, Clearance clearance) {
        super(caller, clearance);
    }

    @Override
    public String regionOf(Attachment attachment) {
        return attachment.regionCode;
    }

    @Override
    public Classification classificationOf(Attachment attachment) {
        return attachment.classification;
    }

    @Override
    protected Message notFound(UUID id) {
        return Message.of("attachment.not-found", "id", id);
    }

    /** A page of the filter's attachments, oldest first. */
    Page<Attachment> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                Attachment.class,
                "Attachment e",
                filter,
                ORDER,
                page,
                a -> List.of(a.createdAt.toString(), a.id.toString()));
    }

    /**
     * The attachments that go when a record of this type is removed: its own, and those of the records the database
     * removes with it (an incident's activities, a plan's or an item's progress reports).
     */
    @SuppressWarnings("unchecked")
    List<Attachment> under(String type, UUID id) {
        List<UUID> ids = getEntityManager()
                .createNativeQuery("""
                select id from attachment where parent_id = :id
                union
                select a.id from attachment a join incident_activity x on a.activity_id = x.id
                where :type = 'incident' and x.incident_id = :id
                union
                select a.id from attachment a join action_plan_report r on a.report_id = r.id
                where (:type = 'action-plan' and r.plan_id = :id) or (:type = 'action-plan-item' and r.item_id = :id)""")
                .setParameter("id", id)
                .setParameter("type", type)
                .getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** How many attachments a record has (any status: an upload under way takes its place too). */
    long countOf(UUID parentId) {
        return count("parentId", parentId);
    }

    /** How many available attachments of these classifications each of these records has; none: absent. */
    Map<UUID, Integer> available(Collection<UUID> parentIds, Collection<Classification> classifications) {
        if (parentIds.isEmpty() || classifications.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery("""
                select a.parentId, count(a) from Attachment a
                where a.parentId in :ids and a.status = :status and a.classification in :classifications
                group by a.parentId""", Object[].class)
                .setParameter("ids", parentIds)
                .setParameter("status", AttachmentStatus.AVAILABLE)
                .setParameter("classifications", classifications)
                .getResultStream()
                .collect(Collectors.toMap(r -> (UUID) r[0], r -> ((Number) r[1]).intValue()));
    }

    /**
     * The bytes an agency announced today (Western Indonesia Time) in attachments not refused, locking the agency's
     * allowance until the transaction ends so that two uploads cannot both pass the last free bytes.
     */
    long bytesToday(UUID agencyId) {
        getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", "attachment-allowance:" + agencyId)
                .getSingleResult();
        Instant dayStart = LocalDate.now(ConflictStatusService.ZONE)
                .atStartOfDay(ConflictStatusService.ZONE)
                .toInstant();
        Number sum = (Number) getEntityManager()
                .createNativeQuery("""
                select coalesce(sum(size), 0) from attachment
                where agency_id = :agency and created_at >= :since and status <> 'REJECTED'""")
                .setParameter("agency", agencyId)
                .setParameter("since", dayStart)
                .getSingleResult();
        return sum.longValue();
    }

    /**
     * The photos of a community report that take its room: how many, and their bytes (uploads under way included, a
     * refused one not).
     */
    long[] photosOf(UUID reportId) {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("""
                select count(*), coalesce(sum(size), 0) from attachment
                where intake_report_id = :id and status <> 'REJECTED'""")
                .setParameter("id", reportId)
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** An available attachment of this record with these bytes. */
    Optional<Attachment> sameBytes(UUID parentId, String sha256) {
        return find("parentId = ?1 and sha256 = ?2 and status = ?3", parentId, sha256, AttachmentStatus.AVAILABLE)
                .firstResultOptional();
    }

    // ---- uploads under way --------------------------------------------------------------------------------------

    AttachmentUpload upload(UUID attachmentId) {
        return getEntityManager().find(AttachmentUpload.class, attachmentId);
    }

    /** The uploads under way of these attachments, by attachment. */
    Map<UUID, AttachmentUpload> uploads(List<UUID> attachmentIds) {
        if (attachmentIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery("from AttachmentUpload u where u.attachmentId in :ids", AttachmentUpload.class)
                .setParameter("ids", attachmentIds)
                .getResultStream()
                .collect(Collectors.toMap(u -> u.attachmentId, u -> u));
    }

    void addUpload(AttachmentUpload upload) {
        getEntityManager().persist(upload);
    }

    void removeUpload(UUID attachmentId) {
        getEntityManager()
                .createQuery("delete from AttachmentUpload u where u.attachmentId = :id")
                .setParameter("id", attachmentId)
                .executeUpdate();
    }

    /**
     * Takes the upload for one request that appends at {@code offset}: only when nobody else holds it (or their
     * lease ran out), the upload has not expired, and {@code offset} is where it stands. One statement, so two
     * requests racing for it cannot both win.
     */
    boolean lease(UUID attachmentId, long offset, UUID lease, Duration forHowLong) {
        return getEntityManager()
                        .createNativeQuery("""
                update attachment_upload set lease = :lease, lease_until = now() + make_interval(secs => :secs)
                where attachment_id = :id and upload_offset = :offset and expires_at > now()
                  and (lease is null or lease_until < now())""")
                        .setParameter("lease", lease)
                        .setParameter("secs", (double) forHowLong.toSeconds())
                        .setParameter("id", attachmentId)
                        .setParameter("offset", offset)
                        .executeUpdate()
                == 1;
    }

    /** Whether an append holds the upload now (a lease that has not run out). */
    boolean appending(UUID attachmentId) {
        return (Boolean) getEntityManager()
                .createNativeQuery("""
                select exists (select 1 from attachment_upload
                               where attachment_id = :id and lease is not null and lease_until > now())""")
                .setParameter("id", attachmentId)
                .getSingleResult();
    }

    /** Extends a lease this request holds; false when it was lost (it ran out and another request took it). */
    boolean renew(UUID attachmentId, UUID lease, Duration forHowLong) {
        return getEntityManager()
                        .createNativeQuery("""
                update attachment_upload set lease_until = now() + make_interval(secs => :secs)
                where attachment_id = :id and lease = :lease""")
                        .setParameter("secs", (double) forHowLong.toSeconds())
                        .setParameter("id", attachmentId)
                        .setParameter("lease", lease)
                        .executeUpdate()
                == 1;
    }

    /**
     * Records a piece that arrived under this lease and gives the lease back; false (and nothing recorded) when the
     * lease was lost meanwhile.
     */
    boolean addPiece(UUID attachmentId, UUID lease, long start, long length, String key, String sha256) {
        int moved = getEntityManager()
                .createNativeQuery("""
                update attachment_upload set upload_offset = upload_offset + :length, lease = null, lease_until = null
                where attachment_id = :id and lease = :lease and upload_offset = :start""")
                .setParameter("length", length)
                .setParameter("id", attachmentId)
                .setParameter("lease", lease)
                .setParameter("start", start)
                .executeUpdate();
        if (moved != 1) {
            return false;
        }
        getEntityManager()
                .createNativeQuery("""
                insert into attachment_piece (attachment_id, start_offset, length, key, sha256)
                values (:id, :start, :length, :key, :sha256)""")
                .setParameter("id", attachmentId)
                .setParameter("start", start)
                .setParameter("length", length)
                .setParameter("key", key)
                .setParameter("sha256", sha256)
                .executeUpdate();
        return true;
    }

    /** Gives a lease back without recording anything (a refused piece). */
    void release(UUID attachmentId, UUID lease) {
        getEntityManager()
                .createNativeQuery(
                        "update attachment_upload set lease = null, lease_until = null where attachment_id = :id and lease = :lease")
                .setParameter("id", attachmentId)
                .setParameter("lease", lease)
                .executeUpdate();
    }

    /** The keys of an upload's pieces, in order, each with its SHA-256 (hex). */
    @SuppressWarnings("unchecked")
    List<Object[]> pieces(UUID attachmentId) {
        return getEntityManager()
                .createNativeQuery(
                        "select key, sha256 from attachment_piece where attachment_id = :id order by start_offset")
                .setParameter("id", attachmentId)
                .getResultList();
    }

    /** Uploads past their expiry by more than {@code grace}, at most {@code max}. */
    @SuppressWarnings("unchecked")
    List<UUID> expired(Duration grace, int max) {
        return getEntityManager()
                .createNativeQuery("""
                select attachment_id from attachment_upload where expires_at < now() - make_interval(secs => :grace)
                order by expires_at limit :max""")
                .setParameter("grace", (double) grace.toSeconds())
                .setParameter("max", max)
                .getResultList();
    }

    /**
     * Takes available attachments made before the SHA-256 and size of their served copy were kept, at most
     * {@code max}: those never tried first, then those last tried more than {@code retryAfter} ago, oldest first. Each
     * row is locked while it is taken ({@code skip locked}: another instance takes others) and stamped as tried, so
     * that once this transaction commits no instance takes it again before {@code retryAfter}, whether its copy is
     * then read or not. Returns their ids and the keys of their served copies.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> takeServedCopiesUnknown(int max, Duration retryAfter) {
        List<Object[]> due = getEntityManager()
                .createNativeQuery("""
                select id, content_key from attachment
                where status = 'AVAILABLE' and content_sha256 is null
                  and (served_checked_at is null or served_checked_at < now() - make_interval(secs => :retry))
                order by served_checked_at nulls first, created_at limit :max
                for update skip locked""")
                .setParameter("retry", (double) retryAfter.toSeconds())
                .setParameter("max", max)
                .getResultList();
        if (!due.isEmpty()) {
            getEntityManager()
                    .createNativeQuery("update attachment set served_checked_at = now() where id in (:ids)")
                    .setParameter("ids", due.stream().map(r -> (UUID) r[0]).toList())
                    .executeUpdate();
        }
        return due;
    }

    /**
     * Records the SHA-256 and size of an attachment's served copy read by the sweeper: only while the attachment still
     * serves that copy and has none recorded. A derived description of bytes that never change, not a change of the
     * attachment: no new version, nothing in the change log (see {@link AttachmentDtos.AttachmentResponse#etag()}).
     * False when nothing was recorded (removed meanwhile).
     */
    boolean servedCopyDescribed(UUID id, String key, String sha256, long size) {
        return getEntityManager()
                        .createNativeQuery("""
                update attachment set content_sha256 = :sha256, content_size = :size
                where id = :id and content_key = :key and content_sha256 is null""")
                        .setParameter("sha256", sha256)
                        .setParameter("size", size)
                        .setParameter("id", id)
                        .setParameter("key", key)
                        .executeUpdate()
                == 1;
    }

    // ---- uploads that finished as another attachment ------------------------------------------------------------

    /**
     * An upload that finished as the same bytes as {@code attachment}, which it did not become itself: the upload's
     * length and creator, until it would have expired.
     */
    record FinishedUpload(UUID attachment, long length, String createdBy) {}

    /** Keeps what an upload that made no attachment of its own became, until {@code until}. */
    void finishedAs(UUID uploadId, UUID attachmentId, long length, String createdBy, Instant until) {
        getEntityManager()
                .createNativeQuery("""
                insert into attachment_upload_result (upload_id, attachment_id, upload_length, created_by, expires_at)
                values (:upload, :attachment, :length, :by, :until)""")
                .setParameter("upload", uploadId)
                .setParameter("attachment", attachmentId)
                .setParameter("length", length)
                .setParameter("by", createdBy)
                .setParameter("until", until)
                .executeUpdate();
    }

    /** What an upload that made no attachment of its own became, while it has not expired. */
    Optional<FinishedUpload> finished(UUID uploadId) {
        List<?> rows = getEntityManager()
                .createNativeQuery("""
                select attachment_id, upload_length, created_by from attachment_upload_result
                where upload_id = :upload and expires_at > now()""")
                .setParameter("upload", uploadId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new FinishedUpload((UUID) row[0], ((Number) row[1]).longValue(), (String) row[2]));
    }

    /** Forgets finished uploads past their expiry, at most {@code max}; returns how many. */
    int forgetFinished(int max) {
        return getEntityManager()
                .createNativeQuery("""
                delete from attachment_upload_result where upload_id in (
                    select upload_id from attachment_upload_result where expires_at < now()
                    order by expires_at limit :max)""")
                .setParameter("max", max)
                .executeUpdate();
    }

    // ---- bytes to remove ------------------------------------------------------------------------------------------

    /** Keys queued for removal, each taken by one instance (the rows stay locked until the transaction ends). */
    @SuppressWarnings("unchecked")
    List<Object[]> garbage(int max) {
        return getEntityManager()
                .createNativeQuery(
                        "select key, is_prefix from storage_garbage order by queued_at limit :max for update skip locked")
                .setParameter("max", max)
                .getResultList();
    }

    void collected(String key) {
        getEntityManager()
                .createNativeQuery("delete from storage_garbage where key = :key")
                .setParameter("key", key)
                .executeUpdate();
    }

    /** Queues a key for removal (bytes written for a transaction that then failed). */
    void queueGarbage(String key, boolean prefix) {
        getEntityManager()
                .createNativeQuery(
                        "insert into storage_garbage (key, is_prefix) values (:key, :prefix) on conflict (key) do nothing")
                .setParameter("key", key)
                .setParameter("prefix", prefix)
                .executeUpdate();
    }

    // ---- thumbnails ---------------------------------------------------------------------------------------------

    /** Asks for a thumbnail of an image just made available. */
    void queueThumbnail(UUID attachmentId) {
        getEntityManager()
                .createNativeQuery(
                        "insert into attachment_thumbnail (attachment_id, state) values (:id, 'PENDING') on conflict do nothing")
                .setParameter("id", attachmentId)
                .executeUpdate();
    }

    /** The attachments (ids and served copies) whose thumbnail is due, oldest first, each taken by one instance. */
    @SuppressWarnings("unchecked")
    List<Object[]> thumbnailsDue(int max) {
        return getEntityManager()
                .createNativeQuery("""
                select t.attachment_id, a.content_key from attachment_thumbnail t join attachment a on a.id = t.attachment_id
                where t.state = 'PENDING' order by t.queued_at limit :max for update of t skip locked""")
                .setParameter("max", max)
                .getResultList();
    }

    void thumbnailMade(UUID attachmentId, String state, String key) {
        getEntityManager()
                .createNativeQuery(
                        "update attachment_thumbnail set state = :state, key = :key where attachment_id = :id")
                .setParameter("state", state)
                .setParameter("key", key)
                .setParameter("id", attachmentId)
                .executeUpdate();
    }

    /** The key of a thumbnail that is made, or null. */
    String thumbnail(UUID attachmentId) {
        List<?> keys = getEntityManager()
                .createNativeQuery("select key from attachment_thumbnail where attachment_id = :id and state = 'DONE'")
                .setParameter("id", attachmentId)
                .getResultList();
        return keys.isEmpty() ? null : (String) keys.get(0);
    }
}
