-- claim.right_type becomes a list of the claim-type vocabulary (dev.takedown.events.ClaimType): a stored single value
-- is upper-cased and trimmed, the names used before the vocabulary are mapped, and anything else is kept as
-- OTHER_ILLEGAL, so that what a case claims reads as the vocabulary everywhere (the ledger keeps what was recorded)
update notice
set body = jsonb_set(
        body,
        '{claim,right_type}',
        jsonb_build_array(
            case
                when upper(btrim(body #>> '{claim,right_type}')) in (
                    'PUBLICATION', 'ATTRIBUTION', 'ALTERATION', 'INTEGRITY', 'COPYRIGHT_REPRODUCTION', 'DISTRIBUTION',
                    'RENTAL', 'EXHIBITION', 'PERFORMANCE', 'PROJECTION', 'BROADCASTING', 'NETWORK_DISSEMINATION',
                    'CINEMATISATION', 'ADAPTATION', 'TRANSLATION', 'COMPILATION', 'COPYRIGHT_OTHER', 'COPYRIGHT', 'NAME',
                    'PORTRAIT', 'REPUTATION', 'PERSONAL_INFO', 'TRADEMARK', 'DESIGN', 'PATENT', 'TRADE_SECRET',
                    'GEOGRAPHIC_INDICATION', 'OTHER_ILLEGAL', 'TOS_ONLY')
                    then upper(btrim(body #>> '{claim,right_type}'))
                when upper(btrim(body #>> '{claim,right_type}')) = 'ATTRIBUTION_REMOVAL' then 'ATTRIBUTION'
                when upper(btrim(body #>> '{claim,right_type}')) = 'PERSONALITY' then 'PORTRAIT'
                else 'OTHER_ILLEGAL'
            end))
where jsonb_typeof(body -> 'claim') = 'object'
  and jsonb_typeof(body #> '{claim,right_type}') = 'string'
  and btrim(body #>> '{claim,right_type}') <> '';
