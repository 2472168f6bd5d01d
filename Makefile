# BriefKit: `make` builds the tool and writes the default outputs into output/;
# `make test` runs every test. Both install missing system packages first.

SHELL := /bin/bash
ifneq ($(wildcard /opt/swift/usr/bin/swift),)
export PATH := /opt/swift/usr/bin:$(PATH)
endif

SWIFT ?= swift
RELEASE_BIN := .build/release/brief
OUT := output
CHART_SPECS := $(wildcard seeds/charts/*.yaml)
CHART_NAMES := $(basename $(notdir $(CHART_SPECS)))
CHART_OUTPUTS := $(foreach n,$(CHART_NAMES),$(OUT)/$(n).pdf $(OUT)/$(n).png $(OUT)/$(n).svg)
SOURCES := Package.swift $(shell find Sources -type f 2>/dev/null)

.PHONY: all bootstrap build test clean
.DELETE_ON_ERROR:

all: bootstrap $(RELEASE_BIN) $(CHART_OUTPUTS)

bootstrap:
	@scripts/bootstrap

build: bootstrap $(RELEASE_BIN)

$(RELEASE_BIN): $(SOURCES) | bootstrap
	$(SWIFT) build -c release --product brief
	@touch $@

$(OUT)/%.pdf: seeds/charts/%.yaml $(RELEASE_BIN)
	$(RELEASE_BIN) chart $< -o $@
$(OUT)/%.png: seeds/charts/%.yaml $(RELEASE_BIN)
	$(RELEASE_BIN) chart $< -o $@
$(OUT)/%.svg: seeds/charts/%.yaml $(RELEASE_BIN)
	$(RELEASE_BIN) chart $< -o $@

test: bootstrap
	$(SWIFT) build --product brief
	$(SWIFT) test --disable-swift-testing

clean:
	rm -rf $(OUT)/*.pdf $(OUT)/*.png $(OUT)/*.svg .build
