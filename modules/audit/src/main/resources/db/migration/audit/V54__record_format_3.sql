-- Format 3: a record's hash is SHA-256(0x00 || preimage), the RFC 6962 leaf hash of its preimage, so the Merkle
-- tree uses the record hash as its leaf and verification hashes each record once. Older rows keep their format.
alter table audit_ledger drop constraint audit_ledger_format_check,
    add constraint audit_ledger_format_check check (format in (1, 2, 3));
