#!/bin/sh
# First start of the PostgreSQL volume only (docker-entrypoint-initdb.d): Keycloak's own database and role, beside
# Takedown's. Takedown's schema is created by the app node's Flyway migrations, not here.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     --set=kc_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'kc_password';
CREATE DATABASE keycloak OWNER keycloak;
SQL
