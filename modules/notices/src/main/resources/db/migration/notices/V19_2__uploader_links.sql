-- uploader links: one per purpose, expiring with the window it serves, revocable by staff. The token is the id and
-- an HMAC of it; the row says what it opens, until when, and whether someone revoked it and why.
create table uploader_link (
    id                uuid primary key,
    case_id           uuid         not null references notice (id),
    purpose           varchar(40)  not null,
    issued_at         timestamptz  not null,
    expires_at        timestamptz  not null,
    revoked_at        timestamptz,
    revoked_by        varchar(200),
    revocation_reason varchar(2000)
);
create index uploader_link_case on uploader_link (case_id, purpose);
