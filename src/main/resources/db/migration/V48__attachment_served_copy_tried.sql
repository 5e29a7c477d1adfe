-- When the attachment sweeper last took an attachment made before V46 to read its served copy and record its digest
-- and size (null: never; new attachments have them from the start and are never taken). Taking a row stamps it in a
-- short transaction (select ... for update skip locked), so no two instances read the same copy, and a copy that
-- cannot be read (missing, the store failing) waits a day before it is tried again instead of holding up the rest.
-- Once the digest is recorded, the stamp also says that the sweeper described the copy after the attachment's
-- version was written: the attachment's ETag then changes without a new version (see AttachmentDtos).
alter table attachment add column served_checked_at timestamptz;
-- attachment_served_copy_unknown (V46) stays: migrations only add, and an instance of the previous version still
-- reads the backlog by it during a rolling upgrade; it is empty once the backlog is.
create index attachment_served_copy_due on attachment (served_checked_at nulls first, created_at)
    where status = 'AVAILABLE' and content_sha256 is null;
