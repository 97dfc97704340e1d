-- per-organisation API keys: only a SHA-256 of the key is kept; revocation is a timestamp, never a delete
create table api_key (
    id               uuid primary key,
    key_hash         char(64)     not null unique,
    prefix           varchar(20)  not null,
    label            varchar(200),
    role             varchar(40)  not null check (role in ('RIGHTS_HOLDER', 'PLATFORM_SERVICE')),
    organisation_id  varchar(100) references organisation (id),
    created_by       varchar(200) not null,
    created_at       timestamptz  not null,
    revoked_at       timestamptz,
    constraint api_key_tenant check ((role = 'RIGHTS_HOLDER') = (organisation_id is not null))
);
