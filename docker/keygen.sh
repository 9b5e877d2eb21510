#!/bin/sh
# Makes the RS256 key pair the services verify tokens with, once; mint tokens from it with
# ./run-local token operator --home .compose
set -eu
cd /keys
if [ ! -f jwt-private.pem ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out jwt-private.pem
  openssl pkey -in jwt-private.pem -pubout -out jwt-public.pem
  chmod 644 jwt-public.pem
fi
# intake-service seals reporters' personal data with this key; losing it loses that data.
[ -f personal-data.key ] || openssl rand -base64 32 > personal-data.key
chmod 644 personal-data.key
# notification-service seals the banks' webhook signing secrets with this key.
[ -f webhook-secrets.key ] || openssl rand -base64 32 > webhook-secrets.key
chmod 644 webhook-secrets.key
# case-service signs its calls to intake for a reporter's contact with this key (both read it).
[ -f contact-reads.key ] || openssl rand -base64 32 > contact-reads.key
chmod 644 contact-reads.key
