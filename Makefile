# The two commands of the README: `make site` and `make test`.
SWIFT ?= swift
BRIEFING = .build/release/briefing

.PHONY: site test deps release clean

site: release
	$(BRIEFING) build

test: deps
	$(SWIFT) test

release: deps
	$(SWIFT) build -c release --product briefing

deps:
	@bash scripts/install-deps.sh

clean:
	rm -rf .build public
