create table protected_work (
    id               uuid primary key,
    organisation_id  varchar(100)  not null,
    title            varchar(1000) not null,
    definition       jsonb         not null,
    registered_by    varchar(200)  not null,
    registered_at    timestamptz   not null
);
create index protected_work_org on protected_work (organisation_id, registered_at desc);
