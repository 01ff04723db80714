# The two commands of the README:
#   make demo   build, create a data folder with the sample clinic, ingest the sample Maildir, print every
#               message's reply; the replies are left in demo-data/outgoing/
#   make test   build and run every test (unit, golden, end-to-end, kill -9), then a short fuzzing pass
#   make fuzz   fuzz every libFuzzer target for FUZZ_SECONDS each (scripts/fuzz.sh; FUZZ_TARGETS to choose)
#   make test-sanitize   the tests under AddressSanitizer, then ThreadSanitizer (build folders of their own)
#   make soak   the long run of `caredesk serve` (SoakTests) for SOAK_SECONDS (default 1800; `make test` runs 120)
# Each installs what it needs when it is missing.
# The demo fixes the clock (--now) and, with it, the randomness (CAREDESK_TEST_SEED): its transcript is kept
# whole in Tests/EndToEndTests/Golden. A clinic never sets either: codes then come from the system's CSPRNG.

SWIFT      ?= swift
DEMO_DATA  ?= demo-data
DEMO_NOW   ?= 2026-03-02T09:00:00+05:30
MONTH_END  ?= 2026-03-31T21:30:00+05:30
BIN        := .build/debug/caredesk
RELEASE    := .build/release/caredesk
BENCH      := .build/release/caredesk-bench
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?=
SOAK_SECONDS ?= 1800

.PHONY: demo demo-payments test test-sanitize fuzz soak deps build release bench bench-payments bench-instances bench-webhooks clean-demo

deps:
	@./scripts/deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: build
	@rm -rf $(DEMO_DATA) .build/demo-maildir
	@mkdir -p .build/demo-maildir/cur .build/demo-maildir/tmp && cp -R Samples/maildir/new .build/demo-maildir/
	$(BIN) init --data $(DEMO_DATA) --clinic Samples/clinic.json
	CAREDESK_TEST_SEED=0 $(BIN) ingest --data $(DEMO_DATA) --now $(DEMO_NOW) --transcript .build/demo-maildir
	@echo
	@echo "Replies written to $(DEMO_DATA)/outgoing/new:" && ls $(DEMO_DATA)/outgoing/new | wc -l
	$(BIN) show --data $(DEMO_DATA) appointments
	@echo
	@echo "A month later: Dr Rao's daily EARNING mails for March (Samples/rao-march.mbox, each vouched for by the"
	@echo "clinic's own mail server, mx.kanchicare.example: DMARC passed), then EARNINGS MARCH:"
	CAREDESK_TEST_SEED=0 CAREDESK_AUTHSERV_ID=mx.kanchicare.example $(BIN) ingest --data $(DEMO_DATA) --now $(MONTH_END) Samples/rao-march.mbox
	CAREDESK_TEST_SEED=0 $(BIN) ingest --data $(DEMO_DATA) --now $(MONTH_END) --transcript Samples/earnings-march.eml

test: deps
	$(SWIFT) build
	$(SWIFT) test
	./scripts/fuzz.sh 30

# Every test (the soak aside: its figures are the plain build's) under AddressSanitizer, then ThreadSanitizer, each
# in a build folder of its own, the end-to-end tests on that build's own `caredesk`. Leak checking is off: it
# flags Foundation's own allocations (see README, "Sanitizers").
# The 50 MB message's bound on resident memory is skipped: a sanitizer's shadow memory alone is over it.
test-sanitize: deps
	$(SWIFT) build --build-tests --sanitize=address --build-path .build-asan
	CAREDESK_BIN=$(CURDIR)/.build-asan/debug/caredesk ASAN_OPTIONS=detect_leaks=0 \
	  $(SWIFT) test --skip-build --sanitize=address --build-path .build-asan --skip SoakTests \
	  --skip aFiftyMegabyteMessageIsRefusedWithoutBeingReadWhole
	$(SWIFT) build --build-tests --sanitize=thread --build-path .build-tsan
	CAREDESK_BIN=$(CURDIR)/.build-tsan/debug/caredesk TSAN_OPTIONS=halt_on_error=1 \
	  $(SWIFT) test --skip-build --sanitize=thread --build-path .build-tsan --skip SoakTests \
	  --skip aFiftyMegabyteMessageIsRefusedWithoutBeingReadWhole

# Coverage-guided fuzzing (libFuzzer) of the parsers: MIME, commands, phrases, store loaders, webhooks.
fuzz: build
	./scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# `caredesk serve` under steady mixed load, its SMTP server killed and restarted, its SMS gateway failing every
# third call: every message answered once, memory and file descriptors flat (Tests/EndToEndTests/SoakTests.swift).
soak: build
	$(SWIFT) build --build-tests
	CAREDESK_SOAK_SECONDS=$(SOAK_SECONDS) $(SWIFT) test --skip-build --filter SoakTests

# The pay flow with a Stripe key configured: localstripe as the Stripe API, `caredesk serve`, a booking paid by card.
demo-payments: build
	python3 scripts/demo-payments.py --bin $(BIN) --data .build/demo-payments --now $(DEMO_NOW)

bench: release
	$(BENCH) $(BENCH_ARGS)

# The front door beside a bare Hummingbird route, loaded by wrk (scripts/deps.sh installs it) at 8 and 64 connections.
bench-webhooks: release
	$(BENCH) webhooks --wrk "$$(command -v wrk)" --connections 8 $(BENCH_ARGS)
	$(BENCH) webhooks --wrk "$$(command -v wrk)" --connections 64 $(BENCH_ARGS)

# Bookings paid at booking against localstripe on a loopback port, beside the same bookings with payments off.
bench-payments: release
	@set -e; python3 scripts/localstripe-server.py --port 0 > .build/localstripe.port & pid=$$!; \
	  trap 'kill $$pid 2>/dev/null' EXIT; \
	  for i in $$(seq 50); do [ -s .build/localstripe.port ] && break; sleep 0.1; done; \
	  $(BENCH) payments --stripe-url http://127.0.0.1:$$(head -1 .build/localstripe.port) $(BENCH_ARGS)

# `caredesk serve` on the JSON journal beside 1, 2, 3 instances sharing one PostgreSQL database, as child processes:
# a throwaway PostgreSQL (fsync on) in .build/bench-pg on a free loopback port, stopped by pid afterwards.
bench-instances: release
	./scripts/with-postgres.sh .build/bench-pg sh -c '$(BENCH) instances --server postgres://caredesk@127.0.0.1:$$PG_PORT/postgres "$$@"' bench-instances $(BENCH_ARGS)

clean-demo:
	rm -rf $(DEMO_DATA) .build/demo-maildir
