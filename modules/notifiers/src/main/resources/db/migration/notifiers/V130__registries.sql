-- DSA Art. 22: trusted flaggers as awarded by a Digital Services Coordinator; a notice holds the status only through a
-- credential bound to an entry valid on the day, and only in the entry's areas
create table trusted_flagger (
    id                   uuid primary key,
    entity               varchar(500)  not null,
    coordinator          varchar(500)  not null,
    coordinator_country  varchar(2)    not null,
    areas                text[]        not null,
    valid_from           date          not null,
    valid_until          date,
    credentials          text[]        not null,
    registered_by        varchar(200)  not null,
    registered_at        timestamptz   not null,
    updated_by           varchar(200),
    updated_at           timestamptz,
    revoked_at           timestamptz,
    revoked_by           varchar(200),
    revocation_reason    varchar(2000)
);
create index trusted_flagger_credentials on trusted_flagger using gin (credentials);

-- DSA Art. 9: authorities whose orders the platform acts on, and the legal bases they issue them under
create table competent_authority (
    id                 uuid primary key,
    name               varchar(500)  not null,
    country            varchar(2)    not null,
    kind               varchar(40)   not null,
    contact            varchar(1000) not null,
    legal_bases        text[]        not null,
    credentials        text[]        not null,
    registered_by      varchar(200)  not null,
    registered_at      timestamptz   not null,
    updated_by         varchar(200),
    updated_at         timestamptz,
    revoked_at         timestamptz,
    revoked_by         varchar(200),
    revocation_reason  varchar(2000)
);
create index competent_authority_credentials on competent_authority using gin (credentials);
