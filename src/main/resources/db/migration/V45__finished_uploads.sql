-- An upload that finishes as the same bytes as an attachment already on its record makes no attachment of its own
-- (its row goes). What it became is kept here until the upload would have expired, so that a client whose last
-- answer was lost (tus then starts over) learns from a HEAD on the upload's address, or from repeating its creation
-- with its own id, that the upload is complete and which attachment holds its bytes.
create table attachment_upload_result (
    upload_id       uuid        primary key,
    attachment_id   uuid        not null references attachment (id) on delete cascade,
    -- the upload's Upload-Length, which its HEAD answers as its offset and length
    upload_length   bigint      not null check (upload_length >= 0),
    -- who created the upload (a repeated creation is found only by its own creator)
    created_by      text        not null,
    expires_at      timestamptz not null
);
create index attachment_upload_result_attachment on attachment_upload_result (attachment_id);
create index attachment_upload_result_expiring on attachment_upload_result (expires_at);
