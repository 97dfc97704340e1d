alter table measure add column account_id varchar(200);

create table strike (
    account_id  varchar(200) not null,
    case_id     varchar(64)  not null,
    weight      int          not null default 1,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    removed_at  timestamptz,
    primary key (account_id, case_id)
);
