# BriefKit: `make` builds the tool and writes the default outputs into output/;
# `make test` runs every test. Both install missing system packages first.

SHELL := /bin/bash
ifneq ($(wildcard /opt/swift/usr/bin/swift),)
export PATH := /opt/swift/usr/bin:$(PATH)
endif

SWIFT ?= swift
RELEASE_BIN := .build/release/brief
# The `brief` the output rules run: the one built here, unless given (`make BRIEF=/usr/local/bin/brief`).
BRIEF ?= $(RELEASE_BIN)
# The Swift runtime and Foundation are linked in: a cold `brief` starts about 9 ms sooner and
# 6 MiB smaller than with them as shared libraries (Cairo, Pango and the rest stay shared).
RELEASE_FLAGS := -c release --static-swift-stdlib
OUT := output
DEPS := $(OUT)/.deps
BOOTSTRAPPED := .build/.bootstrapped
SOURCES := Package.swift $(shell find Sources -type f 2>/dev/null)
# Every chart of the specs file; each is built by its own rule, so `make -j` renders them in parallel.
CHART_IDS := $(shell sed -n 's/^  - id: //p' seeds/charts.yaml)
STAMPS := $(DEPS)/monthly.stamp $(foreach id,$(CHART_IDS),$(DEPS)/$(id).stamp)
OUTPUTS := $(OUT)/monthly.pdf $(foreach id,$(CHART_IDS),$(OUT)/$(id).pdf $(OUT)/$(id).png $(OUT)/$(id).svg)

.PHONY: all bootstrap build test lint clean

# The default monthly brief and every chart of seeds/charts.yaml as PDF, PNG and SVG.
all: $(STAMPS) $(OUTPUTS)

bootstrap:
	@scripts/bootstrap

# Installing system packages happens once per machine, not on every make: `make -q` stays quiet.
$(BOOTSTRAPPED): scripts/bootstrap
	@scripts/bootstrap
	@mkdir -p $(@D) && touch $@

build: $(RELEASE_BIN)

$(RELEASE_BIN): $(SOURCES) | $(BOOTSTRAPPED)
	$(SWIFT) build $(RELEASE_FLAGS) --product brief
	@touch $@

# Each rule writes a depfile naming every input it read (data, specs, brief, styles, fonts)
# as prerequisites of its stamp. Outputs whose bytes did not change keep their times, so
# whatever is built from them does not rerun; the stamp records that the rule ran.
BUILD_BRIEF = $(BRIEF) build seeds/briefs/monthly.md -o $(OUT) --formats pdf --depfile $(DEPS)/monthly.d --depfile-target $(DEPS)/monthly.stamp
BUILD_CHART = $(BRIEF) chart $(1) -o $(OUT) --depfile $(DEPS)/$(1).d --depfile-target $(DEPS)/$(1).stamp

$(DEPS)/monthly.stamp: seeds/briefs/monthly.md $(BRIEF)
	$(BUILD_BRIEF)
	@touch $@

$(DEPS)/%.stamp: $(BRIEF)
	$(call BUILD_CHART,$*)
	@touch $@

# The outputs are targets too, so one that was deleted is made again: a rule with an output
# missing runs again (its stamp alone would say it is up to date). Outputs follow their stamp in
# order only: one whose bytes did not change keeps its older time and is still up to date.
outputs_of = $(if $(filter monthly,$(1)),$(OUT)/monthly.pdf,$(foreach f,pdf png svg,$(OUT)/$(1).$(f)))
$(foreach rule,monthly $(CHART_IDS),$(if $(filter-out $(wildcard $(call outputs_of,$(rule))),$(call outputs_of,$(rule))),$(eval $(DEPS)/$(rule).stamp: FORCE)))
$(OUT)/monthly.pdf: | $(DEPS)/monthly.stamp ;
$(OUT)/%.pdf $(OUT)/%.png $(OUT)/%.svg: | $(DEPS)/%.stamp ;
.PHONY: FORCE
FORCE:

-include $(wildcard $(DEPS)/*.d)

# The tests run with a TMPDIR of their own, removed at the end: the Swift driver leaves an empty
# TemporaryDirectory.* folder for each compiler job it starts (swift-driver issues 1720 and 2049),
# about 200 a run, and SwiftPM leaves lock files. Anything else left in it was left by a test,
# and fails the run.
test: bootstrap
	@tmp=$$(mktemp -d "$${TMPDIR:-/tmp}/briefkit-test.XXXXXX") && trap 'rm -rf "$$tmp"' EXIT && \
	export TMPDIR="$$tmp" && \
	$(SWIFT) build --product brief && \
	$(SWIFT) test --disable-swift-testing && \
	left=$$(find "$$tmp" -mindepth 1 -maxdepth 1 ! -name 'TemporaryDirectory.*' ! -name '*.lock' -printf '%f\n') && \
	if [ -n "$$left" ]; then printf 'make test: the tests left behind in TMPDIR:\n%s\n' "$$left" >&2; exit 1; fi

# swift-format (from the toolchain) over Sources/ with .swift-format: no force unwraps, no try!, no
# implicitly unwrapped optionals. About 5 s; .ci/run runs it before the tests.
lint:
	@scripts/lint

clean:
	rm -rf $(OUT)/*.pdf $(OUT)/*.png $(OUT)/*.svg $(DEPS) .build

# Benchmarks (issue 7): BriefKit's workloads beside matplotlib and raw Cairo; writes bench/RESULTS.md.
# Builds in its own scratch path; matplotlib goes into bench/.venv (pinned in bench/peers/requirements.txt).
.PHONY: bench
BENCH_SCRATCH := .build-bench
bench: bootstrap bench/.venv/.installed
	$(SWIFT) build $(RELEASE_FLAGS) --scratch-path $(BENCH_SCRATCH) --product brief-bench
	$(SWIFT) build $(RELEASE_FLAGS) --scratch-path $(BENCH_SCRATCH) --product brief
	@mkdir -p bench/out
	$(CC) -O2 -o bench/out/cairo_bars bench/peers/cairo_bars.c $$(pkg-config --cflags --libs pangocairo)
	BENCH_SCRATCH=$(BENCH_SCRATCH) bench/.venv/bin/python bench/run.py $(BENCH_ARGS)

bench/.venv/.installed: bench/peers/requirements.txt
	@test -x bench/.venv/bin/python || python3 -m venv bench/.venv
	bench/.venv/bin/pip install -q -r bench/peers/requirements.txt
	@touch $@

# Fuzzing (issue 8): the libFuzzer targets of fuzz/ (built with -sanitize=fuzzer,address into
# fuzz/.build), each run for FUZZ_RUNS executions or FUZZ_MAX_SECONDS, whichever comes first:
# with the defaults every target reaches 1,000,000 (the dataset target, the slowest, in about 40 minutes).
# Inputs that crash belong in Tests/FuzzCorpus/TARGET/, which swift test replays.
.PHONY: fuzz
FUZZ_RUNS ?= 1000000
FUZZ_MAX_SECONDS ?= 3600
FUZZ_TARGETS ?=
fuzz: bootstrap
	$(SWIFT) package resolve
	fuzz/build.sh $(FUZZ_TARGETS)
	FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_MAX_SECONDS=$(FUZZ_MAX_SECONDS) fuzz/run.sh $(FUZZ_TARGETS)

# Every default output of this tree (`brief chart --all`, `brief build`, the chart book, in two
# styles) compared byte for byte with BASE's (default: the previous commit), built in a scratch folder.
.PHONY: same-bytes
BASE ?= HEAD~1
same-bytes: $(RELEASE_BIN)
	scripts/same-bytes $(BASE) $(RELEASE_BIN)

# Kills `brief chart --all` 200 times at random moments and reports what each kill left
# (README, "What can go wrong"); not part of `make test`, which it would slow by a minute.
.PHONY: kill-test
kill-test: $(RELEASE_BIN)
	scripts/kill-test $(RELEASE_BIN) --runs 200
