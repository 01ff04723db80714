#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (swiftc -sanitize=fuzzer,address).
#
#   scripts/fuzz.sh [seconds-per-target] [target…]      (default: 30 seconds, every target)
#
# Targets (harnesses in Tests/Fuzz/<target>/, seeds in Tests/Fuzz/Corpus/<target>/):
#   mime      MailMessage.parse(bytes:) and what the desk reads from a message; the header-value parsers
#   commands  CommandReader.read(body:subject:now:)
#   phrases   the day, time, month and amount readers of the command language
#   store     the journal and snapshot loaders (JSONStore opening a folder of fuzzed files), the scanners
#   webhooks  Twilio form bodies, the JSON message, Stripe events, the three signature headers
#
# Each library module is compiled once into .build-fuzz (again only when its sources or the flags change),
# instrumented for coverage and AddressSanitizer and built with -enable-testing, so a harness reaches
# internal API with @testable import. swift-crypto (for Webhooks) is not what is fuzzed: its uninstrumented
# objects come from the package's own debug build (.build/debug, which make test builds first), or, without
# one (or with FUZZ_OWN_CRYPTO=1), from a SwiftPM build of the package's checkout into .build-fuzz/crypto.
#
# Each target first runs over its regression inputs (Tests/Fuzz/Regressions/<target>/), then fuzzes for the
# given time on a copy of its seed corpus in .build-fuzz/corpus (the committed corpus is never written).
# Exits non-zero on any crash, leak, timeout or out-of-memory, naming the input that caused it.
#
# Environment: FUZZ_OUT (default .build-fuzz), SWIFTC (default swiftc), SWIFT (default swift), FUZZ_JOBS (jobs for the swift-crypto build),
# FUZZ_FLAGS (extra libFuzzer flags).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${FUZZ_OUT:-$ROOT/.build-fuzz}
SWIFTC=${SWIFTC:-swiftc}
SWIFT=${SWIFT:-swift}
SECONDS_PER_TARGET=${1:-30}
shift || true
ALL_TARGETS=(mime commands phrases store webhooks)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")

case "$SECONDS_PER_TARGET" in ''|*[!0-9]*) echo "fuzz.sh: seconds must be a whole number, got '$SECONDS_PER_TARGET'" >&2; exit 2;; esac
for target in "${TARGETS[@]}"; do
    [ -d "Tests/Fuzz/$target" ] || { echo "fuzz.sh: no target '$target' (have: ${ALL_TARGETS[*]})" >&2; exit 2; }
done

SWIFT_FLAGS=(-O -sanitize=fuzzer,address -parse-as-library -swift-version 6 -g)
mkdir -p "$OUT/modules" "$OUT/obj" "$OUT/bin" "$OUT/stamps"

sources() { find "$@" -name '*.swift' | LC_ALL=C sort; }

# stamp NAME FILES… : a hash of the compiler, the flags and the files' names and bytes (plus the stamps named
# in $DEPS); prints it and succeeds only when it differs from the last build's.
changed() {
    local name=$1; shift
    local stamp
    stamp=$( { "$SWIFTC" --version 2>&1; echo "${SWIFT_FLAGS[*]}"; for dep in $DEPS; do cat "$OUT/stamps/$dep"; done
               for f in "$@"; do echo "$f"; cat "$f"; done; } | sha256sum | cut -d' ' -f1)
    NEW_STAMP=$stamp
    [ "$(cat "$OUT/stamps/$name" 2>/dev/null)" != "$stamp" ]
}

# module NAME "DEPS" DIR… : Sources/<DIR…> as one module, an object file and a .swiftmodule.
module() {
    local name=$1; DEPS=$2; shift 2
    local files
    mapfile -t files < <(sources "$@")
    if changed "$name" "${files[@]}"; then
        echo "fuzz.sh: compiling module $name (${#files[@]} files)"
        rm -f "$OUT/stamps/$name"
        "$SWIFTC" "${SWIFT_FLAGS[@]}" -enable-testing -enable-upcoming-feature ExistentialAny -wmo \
            -module-name "$name" -I "$OUT/modules" $EXTRA_INCLUDES \
            -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" \
            -c "${files[@]}" -o "$OUT/obj/$name.o"
        echo "$NEW_STAMP" > "$OUT/stamps/$name"
    fi
}

# swift-crypto, from the checkout SwiftPM made for the package (or a fresh clone of the resolved version).
CRYPTO_BUILD=$OUT/crypto/release
crypto() {
    # The package's own debug build (make test builds it first) already holds swift-crypto: use its objects.
    if [ -z "${FUZZ_OWN_CRYPTO:-}" ] && [ -f "$ROOT/.build/debug/Modules/Crypto.swiftmodule" ] \
        && [ -d "$ROOT/.build/debug/Crypto.build" ]; then
        CRYPTO_BUILD=$ROOT/.build/debug
        stat -c '%n %Y %s' "$CRYPTO_BUILD/Modules/Crypto.swiftmodule" > "$OUT/stamps/crypto"
        return 0
    fi
    [ -f "$OUT/stamps/crypto" ] && [ -f "$CRYPTO_BUILD/Modules/Crypto.swiftmodule" ] && return 0
    local deps=$OUT/deps
    rm -rf "$deps" && mkdir -p "$deps"
    for package in swift-crypto swift-asn1; do
        if [ -d ".build/checkouts/$package" ]; then
            mkdir -p "$deps/$package"
            (cd ".build/checkouts/$package" && tar --exclude=.git -cf - .) | (cd "$deps/$package" && tar -xf -)
        else
            local version
            version=$(grep -A8 "\"identity\" : \"$package\"" Package.resolved | sed -n 's/.*"version" : "\(.*\)".*/\1/p' | head -1)
            git clone --quiet --depth 1 --branch "$version" "https://github.com/apple/$package.git" "$deps/$package"
        fi
    done
    echo "fuzz.sh: building swift-crypto (once; kept in $OUT/crypto)"
    SWIFTCI_USE_LOCAL_DEPS=1 "$SWIFT" build --package-path "$deps/swift-crypto" --scratch-path "$OUT/crypto" \
        -c release --target Crypto ${FUZZ_JOBS:+-j "$FUZZ_JOBS"} > "$OUT/crypto.log" 2>&1 \
        || { tail -30 "$OUT/crypto.log"; echo "fuzz.sh: swift-crypto failed to build (log: $OUT/crypto.log)" >&2; exit 1; }
    date > "$OUT/stamps/crypto"
}
crypto_objects() {
    find "$CRYPTO_BUILD/Crypto.build" "$CRYPTO_BUILD/CryptoBoringWrapper.build" "$CRYPTO_BUILD/CCryptoBoringSSL.build" \
         "$CRYPTO_BUILD/CCryptoBoringSSLShims.build" "$CRYPTO_BUILD/CXKCP.build" "$CRYPTO_BUILD/CXKCPShims.build" \
         -name '*.o' 2>/dev/null | LC_ALL=C sort
}

# harness TARGET "MODULES" [extra link inputs…] : Tests/Fuzz/<TARGET> linked with the modules' objects.
harness() {
    local target=$1 modules=$2; shift 2
    local files objects=()
    mapfile -t files < <(sources "Tests/Fuzz/$target")
    for m in $modules; do objects+=("$OUT/obj/$m.o"); done
    DEPS=$modules
    if changed "fuzz-$target" "${files[@]}" || [ ! -x "$OUT/bin/fuzz-$target" ]; then
        echo "fuzz.sh: linking fuzz-$target"
        rm -f "$OUT/stamps/fuzz-$target"
        "$SWIFTC" "${SWIFT_FLAGS[@]}" -module-name "Fuzz_$target" -I "$OUT/modules" $EXTRA_INCLUDES \
            -use-ld=lld "${files[@]}" "${objects[@]}" "$@" -o "$OUT/bin/fuzz-$target"
        echo "$NEW_STAMP" > "$OUT/stamps/fuzz-$target"
    fi
}

build() {
    EXTRA_INCLUDES=
    case "$1" in
        mime)     module Mail "" Sources/Mail
                  harness mime "Mail" ;;
        commands|phrases)
                  module Clinic "" Sources/Clinic
                  module Commands "Clinic" Sources/Commands
                  harness "$1" "Clinic Commands" ;;
        store)    module Store "" Sources/Store
                  harness store "Store" ;;
        webhooks) crypto
                  EXTRA_INCLUDES="-I $CRYPTO_BUILD/Modules"
                  module SMS "" Sources/SMS
                  module Webhooks "SMS crypto" Sources/Webhooks
                  local crypto_objs
                  mapfile -t crypto_objs < <(crypto_objects)
                  harness webhooks "SMS Webhooks" "${crypto_objs[@]}" -lstdc++ ;;
    esac
}

started=$(date +%s)
for target in "${TARGETS[@]}"; do build "$target"; done
built=$(date +%s)
echo "fuzz.sh: built ${TARGETS[*]} in $((built - started)) s"

# The temporary folders of the store target: on tmpfs when there is one (its fsyncs are then cheap).
FUZZ_TMP=$(mktemp -d "$( [ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")/caredesk-fuzz.XXXXXX")
export FUZZ_TMP
# Crashes are reported by libFuzzer and AddressSanitizer; the Swift runtime's own backtracer would only get in their way.
export SWIFT_BACKTRACE=enable=no
trap 'rm -rf "$FUZZ_TMP"' EXIT

LIBFUZZER_FLAGS=(-rss_limit_mb=2048 -timeout=20 -print_final_stats=1 ${FUZZ_FLAGS:-})
failed=()
summary=()
for target in "${TARGETS[@]}"; do
    bin=$OUT/bin/fuzz-$target
    artifacts=$OUT/artifacts/$target
    log=$OUT/logs/$target.log
    mkdir -p "$artifacts" "$OUT/logs"

    # The regression inputs: each must pass.
    regressions=()
    if [ -d "Tests/Fuzz/Regressions/$target" ]; then
        mapfile -t regressions < <(find "Tests/Fuzz/Regressions/$target" -type f | LC_ALL=C sort)
    fi
    if [ ${#regressions[@]} -gt 0 ]; then
        if ! "$bin" "${LIBFUZZER_FLAGS[@]}" "${regressions[@]}" > "$OUT/logs/$target.regressions.log" 2>&1; then
            echo "fuzz.sh: $target FAILED on a regression input (log: $OUT/logs/$target.regressions.log):" >&2
            grep -E "Running: |ERROR|Fatal error|SUMMARY" "$OUT/logs/$target.regressions.log" | tail -5 >&2
            failed+=("$target")
            summary+=("$(printf '%-9s regression inputs FAILED' "$target")")
            continue
        fi
    fi

    # A fresh copy of the seeds to grow.
    corpus=$OUT/corpus/$target
    rm -rf "$corpus" && mkdir -p "$corpus"
    [ -d "Tests/Fuzz/Corpus/$target" ] && cp -R "Tests/Fuzz/Corpus/$target/." "$corpus/"
    find "$artifacts" -type f -delete

    echo "fuzz.sh: fuzzing $target for $SECONDS_PER_TARGET s (${#regressions[@]} regression inputs passed)"
    status=0
    "$bin" "${LIBFUZZER_FLAGS[@]}" -max_total_time="$SECONDS_PER_TARGET" -artifact_prefix="$artifacts/" \
        "$corpus" > "$log" 2>&1 || status=$?

    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
    crashes=$(find "$artifacts" -type f | wc -l)
    summary+=("$(printf '%-9s %5s s  %10s execs  cov %6s  ft %7s  crashes %s' "$target" "$SECONDS_PER_TARGET" \
        "${execs:-?}" "${cov:-?}" "${ft:-?}" "$crashes")")
    if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        failed+=("$target")
        echo "fuzz.sh: $target FAILED (exit $status; log: $log)" >&2
        grep -E "^==[0-9]+==ERROR|Fatal error|SUMMARY|Test unit written to" "$log" | head -8 >&2 || true
        for input in $(find "$artifacts" -type f); do
            echo "fuzz.sh: crash input: $input   (replay: $bin $input)" >&2
        done
    fi
done

echo
echo "fuzz.sh: summary (built in $((built - started)) s, total $(( $(date +%s) - started )) s)"
for line in "${summary[@]}"; do echo "  $line"; done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: FAILED: ${failed[*]}" >&2
    exit 1
fi
