-- history notes quote decision reasons (up to 4000 characters) after a short prefix
alter table notice_history alter column note type text;
