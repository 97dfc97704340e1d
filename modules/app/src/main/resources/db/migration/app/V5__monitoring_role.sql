-- Prometheus scrapes /actuator/prometheus as an account of its own: metrics, no case data
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
    check (role in ('RIGHTS_HOLDER', 'MODERATOR', 'SENIOR_MODERATOR', 'COMPLIANCE_OFFICER', 'ADMIN',
                    'PLATFORM_SERVICE', 'MONITORING'));
