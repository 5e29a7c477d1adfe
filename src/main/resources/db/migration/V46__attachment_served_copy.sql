-- What a download serves is the cleaned copy (a photo's EXIF stripped, a video's metadata boxes emptied), whose bytes
-- differ from the upload's. sha256 and size stay the upload's: the SHA-256 finds the same file on the same record,
-- and the size is what the upload announced and tus answers as its length. content_sha256 and content_size describe
-- the served copy: its ETag, and the size the API answers once the attachment is available. Attachments made before
-- this have them filled by the attachment sweeper, which reads their served copies.
alter table attachment add column content_sha256 text check (content_sha256 ~ '^[0-9a-f]{64}$');
alter table attachment add column content_size bigint check (content_size >= 0);
alter table attachment add constraint attachment_served_copy
    check ((content_sha256 is null) = (content_size is null) and (content_sha256 is null or content_key is not null));
create index attachment_served_copy_unknown on attachment (created_at) where status = 'AVAILABLE' and content_sha256 is null;
