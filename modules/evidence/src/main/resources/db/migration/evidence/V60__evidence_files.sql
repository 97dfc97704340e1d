-- Evidence files are stored once per content (content-addressed by SHA-256 on disk, outside anything served);
-- each upload links a case to the content under the name its uploader gave it.
create table evidence_file (
    sha256      char(64)     primary key,
    media_type  varchar(100) not null,
    size_bytes  bigint       not null check (size_bytes > 0),
    stored_at   timestamptz  not null
);

create table case_evidence (
    id           bigint generated always as identity primary key,
    case_id      uuid         not null,
    sha256       char(64)     not null references evidence_file (sha256),
    display_name varchar(400) not null,
    uploaded_by  varchar(200) not null,
    uploaded_at  timestamptz  not null
);

create index case_evidence_by_case on case_evidence (case_id, uploaded_at, id);
