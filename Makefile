# The two commands of the README: `make site` and `make test`.
# `make release` is the one way to build the release binary (CI and the benchmarks use it): it links
# the Swift runtime and Foundation statically, for speed (figures in Benchmarks/README.md) and to run
# without Swift. A build with other flags recompiles every module, so the scripts use this target.
SWIFT ?= swift
BRIEFING = .build/release/briefing

.PHONY: site test deps release clean

site: release
	$(BRIEFING) build

test: deps
	$(SWIFT) test

release: deps
	$(SWIFT) build -c release --product briefing --static-swift-stdlib

deps:
	@bash scripts/install-deps.sh

clean:
	rm -rf .build public
