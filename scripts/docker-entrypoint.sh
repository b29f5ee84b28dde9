#!/bin/sh
# Container start: apply migrations (a no-op when another instance already did), load reference data, then serve.
set -e
: "${DATABASE_URL:?DATABASE_URL must point at the shared PostgreSQL}"
: "${AUTH_SECRET:?AUTH_SECRET must be set (openssl rand -base64 32)}"
node scripts/prisma.mjs migrate deploy
node node_modules/tsx/dist/cli.mjs scripts/seed-cli.ts
# Our server around Next (scripts/next-server.ts): client addresses from the socket and TRUSTED_PROXY_HOPS, JSON logs.
exec node --import tsx scripts/next-server.ts --port "${PORT:-3000}"
