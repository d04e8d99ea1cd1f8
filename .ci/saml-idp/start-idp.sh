#!/usr/bin/env bash
# Start a throw-away SAML 2.0 IdP (SimpleSAMLphp 1.19 from Debian bookworm) on
# 127.0.0.1:$IDP_PORT using PHP's built-in web server (no Apache needed).
#
#   IDP_DIR   working dir (config, metadata, keys, logs)   default /tmp/saml-idp
#   IDP_PORT  port for the IdP                              default 8090
#   SP_ENTITY SP entityID                                   default http://127.0.0.1:8089/login/saml/metadata
#   SP_ACS    SP AssertionConsumerService (HTTP-POST)       default http://127.0.0.1:8089/login/saml/acs
#   SKIP_APT=1  skip apt-get (packages already there)
#
# Result: IdP metadata at  http://127.0.0.1:$IDP_PORT/saml2/idp/metadata.php
#         IdP cert (PEM) at $IDP_DIR/cert/idp.pem
#         users anna/password (mail, groups: staff, admins), bob/password (mail, groups: staff)
#         PID of the php server in $IDP_DIR/php.pid, its log in $IDP_DIR/log/php-server.log
set -euo pipefail

IDP_DIR=${IDP_DIR:-/tmp/saml-idp}
IDP_PORT=${IDP_PORT:-8090}
SP_ENTITY=${SP_ENTITY:-http://127.0.0.1:8089/login/saml/metadata}
SP_ACS=${SP_ACS:-http://127.0.0.1:8089/login/saml/acs}
IDP_BASE="http://127.0.0.1:${IDP_PORT}/"
IDP_ENTITY="${IDP_BASE}saml2/idp/metadata.php"
SSP=/usr/share/simplesamlphp

# "start-idp.sh stop" stops the server started earlier from $IDP_DIR
if [ "${1:-}" = stop ]; then
  [ -s "$IDP_DIR/php.pid" ] && kill "$(cat "$IDP_DIR/php.pid")" 2>/dev/null || true
  rm -f "$IDP_DIR/php.pid"
  exit 0
fi

if [ "${SKIP_APT:-0}" != 1 ] && ! dpkg -s simplesamlphp php-xml xmlsec1 >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # simplesamlphp pulls php8.2 + apache2 (Depends: apache2 | httpd); Apache is installed but not used.
  # php-xml (ext-dom) is needed by SimpleSAMLphp but not a declared dependency.
  apt-get install -y -qq --no-install-recommends simplesamlphp php-cli php-xml php-mbstring xmlsec1 openssl curl >/dev/null
fi

mkdir -p "$IDP_DIR"/{config,metadata,cert,log,data,tmp}

# --- signing key + self-signed cert (kept if already there, so the cert stays stable) ---
if [ ! -s "$IDP_DIR/cert/idp.pem" ]; then
  openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 3650 \
    -subj "/CN=test-idp.127.0.0.1" \
    -keyout "$IDP_DIR/cert/idp.key" -out "$IDP_DIR/cert/idp.pem" 2>/dev/null
  chmod 644 "$IDP_DIR/cert/idp.key"   # php server runs as the same user; test key only
fi

# --- config/config.php (minimal; everything else uses SimpleSAMLphp defaults) ---
cat > "$IDP_DIR/config/config.php" <<PHP
<?php
\$config = [
    'baseurlpath' => '${IDP_BASE}',
    'certdir' => '${IDP_DIR}/cert/',
    'metadatadir' => '${IDP_DIR}/metadata/',
    'loggingdir' => '${IDP_DIR}/log/',
    'datadir' => '${IDP_DIR}/data/',
    'tempdir' => '${IDP_DIR}/tmp/',
    'secretsalt' => 'ci-test-salt-not-secret-0123456789',
    'auth.adminpassword' => 'admin',
    'admin.protectindexpage' => false,
    'admin.protectmetadata' => false,
    'technicalcontact_name' => 'CI',
    'technicalcontact_email' => 'ci@example.org',
    'timezone' => 'UTC',
    'logging.level' => SimpleSAML\Logger::DEBUG,
    'logging.handler' => 'file',
    'logging.logfile' => 'simplesamlphp.log',
    'enable.saml20-idp' => true,
    'enable.shib13-idp' => false,
    'module.enable' => ['exampleauth' => true, 'core' => true, 'saml' => true, 'admin' => true],
    'session.cookie.secure' => false,
    'session.cookie.samesite' => null,
    'session.phpsession.savepath' => '${IDP_DIR}/tmp/',
    'store.type' => 'phpsession',
    'language.default' => 'en',
    'theme.use' => 'default',
    'trusted.url.domains' => ['127.0.0.1', 'localhost'],
];
PHP

# --- config/authsources.php: the test users ---
cat > "$IDP_DIR/config/authsources.php" <<'PHP'
<?php
$config = [
    'admin' => ['core:AdminPassword'],
    'example-userpass' => [
        'exampleauth:UserPass',
        'anna:password' => [
            'uid' => ['anna'],
            'mail' => ['anna@example.org'],
            'displayName' => ['Anna Andersson'],
            'groups' => ['staff', 'admins'],
        ],
        'bob:password' => [
            'uid' => ['bob'],
            'mail' => ['bob@example.org'],
            'displayName' => ['Bob Berg'],
            'groups' => ['staff'],
        ],
    ],
];
PHP

# --- metadata/saml20-idp-hosted.php: this IdP ---
cat > "$IDP_DIR/metadata/saml20-idp-hosted.php" <<PHP
<?php
\$metadata['${IDP_ENTITY}'] = [
    'host' => '__DEFAULT__',
    'privatekey' => 'idp.key',
    'certificate' => 'idp.pem',
    'auth' => 'example-userpass',
    'signature.algorithm' => 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    'saml20.sign.assertion' => true,
    'saml20.sign.response' => true,
    'NameIDFormat' => 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    'simplesaml.nameidattribute' => 'mail',
    'attributes.NameFormat' => 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
];
PHP

# --- metadata/saml20-sp-remote.php: the SP under test ---
cat > "$IDP_DIR/metadata/saml20-sp-remote.php" <<PHP
<?php
\$metadata['${SP_ENTITY}'] = [
    'AssertionConsumerService' => [[
        'Binding' => 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
        'Location' => '${SP_ACS}',
        'index' => 0,
    ]],
    'NameIDFormat' => 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    'simplesaml.nameidattribute' => 'mail',
    'attributes' => ['uid', 'mail', 'displayName', 'groups'],
    'attributes.NameFormat' => 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
    'signature.algorithm' => 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    'saml20.sign.assertion' => true,
    'saml20.sign.response' => true,
    'validate.authnrequest' => false,
];
PHP

# --- start PHP's built-in server ---
if [ -s "$IDP_DIR/php.pid" ] && kill -0 "$(cat "$IDP_DIR/php.pid")" 2>/dev/null; then
  kill "$(cat "$IDP_DIR/php.pid")" || true
  sleep 0.5
fi
if (exec 3<>"/dev/tcp/127.0.0.1/${IDP_PORT}") 2>/dev/null; then
  echo "port ${IDP_PORT} is already in use" >&2
  exit 1
fi
SIMPLESAMLPHP_CONFIG_DIR="$IDP_DIR/config" \
  nohup php -S "127.0.0.1:${IDP_PORT}" -t "$SSP/www" \
  >"$IDP_DIR/log/php-server.log" 2>&1 </dev/null &
echo $! > "$IDP_DIR/php.pid"

for _ in $(seq 1 50); do
  if curl -fsS -o "$IDP_DIR/idp-metadata.xml" "$IDP_ENTITY" 2>/dev/null; then
    echo "IdP up: $IDP_ENTITY (pid $(cat "$IDP_DIR/php.pid")), cert $IDP_DIR/cert/idp.pem"
    exit 0
  fi
  sleep 0.2
done
echo "IdP did not come up; see $IDP_DIR/log/" >&2
cat "$IDP_DIR/log/php-server.log" >&2 || true
exit 1
