-- Every letter to a party of a case: the stored copy (subject, body, links, the model it was written from), its
-- RFC 5322 Message-ID, and where it is on its way. The table is also the outbox of the mails: a QUEUED row commits
-- with the business change and is sent after commit, retried until next_attempt_at says it is due.
create table letter (
    id               uuid primary key,
    case_id          uuid          not null,
    kind             varchar(40)   not null,
    recipient_role   varchar(20)   not null,
    recipient_party  varchar(500),
    recipient_name   varchar(500),
    recipient_email  varchar(320),
    language         varchar(20)   not null,
    subject          varchar(1000) not null,
    body             text          not null,
    links            jsonb         not null default '[]',
    model            jsonb,
    opens            varchar(2000),
    message_id       varchar(400)  not null unique,
    status           varchar(20)   not null,
    attempts         int           not null default 0,
    next_attempt_at  timestamptz,
    last_error       varchar(2000),
    created_at       timestamptz   not null,
    sent_at          timestamptz,
    deemed_at        timestamptz,
    delivered_at     timestamptz,
    delivery_basis   varchar(20),
    delivered_by     varchar(200),
    delivery_note    varchar(1000),
    bounced_at       timestamptz,
    bounce_reason    varchar(2000),
    failed_at        timestamptz,
    resent_from      uuid references letter (id)
);
create index letter_case on letter (case_id, created_at);
create index letter_due on letter (next_attempt_at) where status = 'QUEUED';
create index letter_deemed on letter (deemed_at) where status = 'SENT';
create index letter_undelivered on letter (created_at) where status in ('BOUNCED', 'FAILED', 'NOT_SENT');

-- What the case recorded before letters were e-mailed (notices' V12 table notification) becomes letters that were
-- never sent: the same texts, kept as NOT_SENT; the table goes, so that there is one record of what a party was told.
-- Version 100 runs after notices' versions, on a new database and (out of order) on an existing one alike; a database
-- without the notices module (this module's own tests) has no such table.
do $$
begin
    if to_regclass('notification') is null then
        return;
    end if;
    insert into letter (id, case_id, kind, recipient_role, recipient_party, recipient_email, language, subject, body,
                        links, message_id, status, created_at)
    select n.id,
           n.case_id,
           case n.kind
               when 'INCOMPLETE' then 'CLOSED_INCOMPLETE'
               when 'MISUSE_WARNED' then 'WARNING'
               when 'MISUSE_SUSPENDED' then 'SUSPENSION'
               when 'COUNTER_NOTICE' then 'COUNTER_NOTICE_COPY'
               when 'APPEAL_REVERSED' then 'APPEAL_OUTCOME'
               when 'APPEAL_UPHELD' then 'APPEAL_OUTCOME'
               else n.kind
           end,
           case when n.recipient like 'uploader-of:%' then 'UPLOADER' else 'NOTIFIER' end,
           regexp_replace(n.recipient, '^(notifier|uploader-of):', ''),
           case when n.recipient like 'notifier:%@%' then substring(n.recipient from 10) end,
           case when n.subject ~ '[一-龥]' then 'zh-CN' else 'en' end,
           n.subject,
           n.body,
           case when n.link is null then '[]'::jsonb
                else jsonb_build_array(jsonb_build_object('label', 'link', 'url', n.link)) end,
           '<notification-' || n.id || '@takedown.invalid>',
           'NOT_SENT',
           n.created_at
    from notification n;
    drop table notification;
end
$$;
