# newsflow: the two commands are "make run" and "make test".

GO       ?= go
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
BIN      := bin/newsflow
LDFLAGS  := -X main.version=$(VERSION)
FUZZTIME ?= 30s
ARGS     ?=
# staticcheck is fetched and run by the go command at this version.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# goreleaser too (.goreleaser.yaml).
GORELEASER  := github.com/goreleaser/goreleaser/v2@v2.17.0

.PHONY: all build run test test-faults vet check-deploy release-check release-snapshot bench bench-go figures fuzz clean

all: build

build:
	$(GO) build -trimpath -buildvcs=auto -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/newsflow

## run: build and start newsflow with an embedded NATS server on 127.0.0.1:4222
## (data in ./data, metrics on http://127.0.0.1:9464/metrics). Extra flags: make run ARGS="--workers 4"
run: build
	$(BIN) run $(ARGS)

## test: every test, with the race detector, plus the deploy/ checks. The
## fault tests make cmd/newsflow's run about 8 minutes under the race
## detector on 2 cores, near go test's default limit of 10: it gets 25.
test: vet
	$(GO) test -race -count=1 -timeout 25m ./...
	deploy/check.sh

## test-faults: the fault tests at full size (3,000 articles per scenario, a
## 150 s server outage), without the race detector; prints the verifier's
## table. make test runs the same tests at a small size.
test-faults:
	cd cmd/newsflow && $(GO) test -count=1 -v -run '^TestFault' -timeout 60m -faults.full

## vet: go vet, staticcheck and gofmt, of both modules (deploy/ has its own)
vet:
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	cd deploy && $(GO) vet ./... && $(GO) run $(STATICCHECK) ./...
	@unformatted=$$(gofmt -l cmd pipeline stages deploy); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi

## check-deploy: every check of deploy/ (deploy/check.sh: promtool, nats-server,
## the nats CLI, systemd-analyze, the deploy module's Go tests, TestDeploy*)
check-deploy:
	deploy/check.sh

## release-check: goreleaser's check of .goreleaser.yaml
release-check:
	$(GO) run $(GORELEASER) check

## release-snapshot: the release's binaries (linux/amd64, linux/arm64,
## darwin/arm64), archives, checksums and CycloneDX SBOM in dist/, offline,
## stamped with a snapshot version
release-snapshot:
	NEWSFLOW_ROOT=$(CURDIR) $(GO) run $(GORELEASER) release --snapshot --clean

## bench: pipeline vs no-op relay throughput and latency (see README)
bench: build
	$(BIN) bench $(ARGS)

## figures: measure and write the README's table of figures (the quality
## rows from newsflow eval, the speed rows from a newsflow bench run here)
figures: build
	$(BIN) bench --json > bin/bench.json
	$(GO) run ./cmd/newsflow/internal/figures -bench bin/bench.json -readme README.md

## bench-go: the go test benchmarks of every package
bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## fuzz: each fuzz target for FUZZTIME (default 30s)
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "fuzz $$pkg $$target"; \
			$(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

clean:
	rm -rf bin dist
