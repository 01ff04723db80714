#!/usr/bin/env bash
# Installs what building and testing CareDesk needs, only when it is missing (Debian):
#   build: the Swift toolchain (must be there), gcc, libcurl's headers (libcurl4-openssl-dev), tcmalloc
#          (libtcmalloc-minimal4: the caredesk executable's allocator)
#   tests: python3 with aiosmtpd (a real SMTP server on loopback), icalendar (checks our invites) and
#          localstripe (a fake Stripe API, run on loopback by scripts/localstripe-server.py),
#          openssl (test certificates), Postfix's smtp-sink and smtp-source (the delivery benchmark),
#          Debian's chromium and chromium-driver with selenium (a person paying on the pay page, headless:
#          scripts/pay-in-browser.py),
#          Debian's postgresql (initdb, postgres, psql, createdb, pg_isready: Tests/TestServers/PostgresTestServer
#          runs a throwaway cluster of its own on a free loopback port; the system cluster the package may
#          create and start is neither used nor touched)
set -euo pipefail
command -v swift >/dev/null || { echo "swift is not on PATH: install the Swift 6 toolchain first" >&2; exit 1; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo

need=()
command -v gcc >/dev/null || need+=(gcc)
command -v python3 >/dev/null || need+=(python3 python3-pip)
command -v openssl >/dev/null || need+=(openssl)
# the caredesk executable links tcmalloc by file name (see Package.swift): the runtime library is enough
/sbin/ldconfig -p 2>/dev/null | grep -q 'libtcmalloc_minimal\.so\.4 ' || need+=(libtcmalloc-minimal4)
pkg-config --exists libcurl 2>/dev/null || need+=(libcurl4-openssl-dev pkg-config)
command -v wrk >/dev/null || need+=(wrk)   # the webhook bench's load (bench-webhooks, BenchWebhooksTests)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
# Debian keeps the server's programs in /usr/lib/postgresql/NN/bin, off PATH
command -v initdb >/dev/null || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
if [ "${CAREDESK_SKIP_POSTFIX:-}" = "" ] && [ ! -x /usr/sbin/smtp-sink ]; then need+=(postfix); fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  # Postfix is installed for its test tools only: no mail server is configured or started.
  echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections 2>/dev/null || true
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

missing=()
python3 -c "import aiosmtpd" 2>/dev/null || missing+=(aiosmtpd)
python3 -c "import icalendar" 2>/dev/null || missing+=(icalendar)
python3 -c "import localstripe" 2>/dev/null || missing+=(localstripe==1.15.10)  # the launcher uses its internals
python3 -c "import selenium" 2>/dev/null || missing+=(selenium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing from PyPI: ${missing[*]}"
  python3 -m pip install -q "${missing[@]}" 2>/dev/null || python3 -m pip install -q --break-system-packages "${missing[@]}"
fi
