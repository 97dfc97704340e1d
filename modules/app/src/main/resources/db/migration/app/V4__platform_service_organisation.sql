-- a platform service credential may act for an organisation: the owner of models or services whose remediations it
-- answers for (takedown.remediation.owners); rights holders still need one, staff still have none
alter table app_user drop constraint app_user_tenant;
alter table app_user add constraint app_user_tenant check (
    case role
        when 'RIGHTS_HOLDER' then organisation_id is not null
        when 'PLATFORM_SERVICE' then true
        else organisation_id is null
    end);
alter table api_key drop constraint api_key_tenant;
alter table api_key add constraint api_key_tenant check (role = 'PLATFORM_SERVICE' or organisation_id is not null);
