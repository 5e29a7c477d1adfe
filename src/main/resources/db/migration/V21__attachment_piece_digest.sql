-- The SHA-256 of each piece as it arrived: an upload that arrived in one piece is then finished without reading its
-- bytes again (the piece's digest is the file's).
alter table attachment_piece add column sha256 text check (sha256 ~ '^[0-9a-f]{64}$');
