-- DSA Art. 23(3)(d): a moderator may find that the uploader acted intentionally; the strike it leads to weighs more
alter table measure add column intentional boolean not null default false;
