# BriefKit: `make` builds the tool and writes the default outputs into output/;
# `make test` runs every test. Both install missing system packages first.

SHELL := /bin/bash
ifneq ($(wildcard /opt/swift/usr/bin/swift),)
export PATH := /opt/swift/usr/bin:$(PATH)
endif

SWIFT ?= swift
RELEASE_BIN := .build/release/brief
OUT := output
DATA := $(wildcard seeds/*.yaml)
STYLES := $(wildcard styles/*.yaml)
SOURCES := Package.swift $(shell find Sources -type f 2>/dev/null)

.PHONY: all bootstrap build test clean

# The default monthly brief (PDF, with its charts as PNG and SVG) and every chart of seeds/charts.yaml.
all: bootstrap $(RELEASE_BIN) $(OUT)/monthly.pdf $(OUT)/.charts

bootstrap:
	@scripts/bootstrap

build: bootstrap $(RELEASE_BIN)

$(RELEASE_BIN): $(SOURCES) | bootstrap
	$(SWIFT) build -c release --product brief
	@touch $@

$(OUT)/monthly.pdf: seeds/briefs/monthly.md $(DATA) $(STYLES) $(RELEASE_BIN)
	$(RELEASE_BIN) build seeds/briefs/monthly.md -o $(OUT)

$(OUT)/.charts: $(DATA) $(STYLES) $(RELEASE_BIN)
	$(RELEASE_BIN) chart --all -o $(OUT)
	@touch $@

test: bootstrap
	$(SWIFT) build --product brief
	$(SWIFT) test --disable-swift-testing

clean:
	rm -rf $(OUT)/*.pdf $(OUT)/*.png $(OUT)/*.svg $(OUT)/.charts .build
