-- who the notifier is for its standing (an organisation, or a logged-out notifier's confirmed address as a keyed
-- hash: email:<hmac>), and the status it holds after the registries were checked (not what it claimed)
alter table notice add column notifier_party varchar(200);
alter table notice add column notifier_type varchar(40);
alter table notice add column claimed_status varchar(40);
alter table notice add column registry_entry varchar(64);
update notice set notifier_party = organisation_id;

-- logged-out notices wait for their notifier's confirmation; the expiry job looks for the old ones
create index notice_awaiting_confirmation on notice (received_at) where status = 'AWAITING_CONFIRMATION';
