create table organisation (
    id    varchar(100) primary key,
    name  varchar(500) not null
);

create table app_user (
    username         varchar(200) primary key,
    password_hash    varchar(200) not null,
    role             varchar(40)  not null
        check (role in ('RIGHTS_HOLDER', 'MODERATOR', 'SENIOR_MODERATOR', 'COMPLIANCE_OFFICER', 'ADMIN')),
    organisation_id  varchar(100) references organisation (id),
    enabled          boolean      not null default true,
    -- a rights holder acts for exactly one organisation; staff for none
    constraint app_user_tenant check ((role = 'RIGHTS_HOLDER') = (organisation_id is not null))
);

-- Spring Modulith event publication registry: the transactional outbox
create table event_publication (
    id                uuid primary key,
    listener_id       text        not null,
    event_type        text        not null,
    serialized_event  text        not null,
    publication_date  timestamptz not null,
    completion_date   timestamptz
);
create index event_publication_incomplete on event_publication (publication_date) where completion_date is null;
