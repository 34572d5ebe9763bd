# The README's commands. Every target installs what it needs on a fresh Debian machine.
SWIFT ?= swift
GEN := .build/debug/openapi-gen
GEN_RELEASE := .build/release/openapi-gen
# The nested package with the fake server, the openfunnel CLI, the drain bench and their tests.
TOOLS := Tools
# The FlyingFox server transport and the client ⇄ server round trips over real HTTP.
FLYINGFOX := Adapters/FlyingFoxAdapter
# The Hummingbird 2 server transport: a step of its own, as its clean build takes minutes.
HUMMINGBIRD := Adapters/HummingbirdAdapter
# The AsyncHTTPClient client transport: a step of its own too (swift-nio).
ASYNC_HTTP_CLIENT := Adapters/AsyncHTTPClientTransport
# A package that uses this one as a consumer does (its own spec, generated client and plugins).
CONSUMER := Examples/PetstoreConsumer

.PHONY: deps build generate check lint validate-spec test test-hummingbird test-async-http-client bench bench-apple corpus demo fuzz clean

# libyaml is the parser (a system library); openapi-spec-validator checks spec/openfunnel.yaml.
deps:
	@pkg-config --exists yaml-0.1 || { \
		echo "installing libyaml-dev"; \
		(apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev pkg-config; }
	@command -v openapi-spec-validator >/dev/null 2>&1 || python3 -m pip install -q openapi-spec-validator

build: deps
	$(SWIFT) build --product openapi-gen

# The main job: regenerate Generated/OpenFunnel from spec/openfunnel.yaml (see openapi-gen.yaml),
# and the example consumer's client from its own openapi-gen.yaml.
generate: build
	$(GEN) generate
	cd $(CONSUMER) && $(CURDIR)/$(GEN) generate

# Drift check: fails with a diff when Generated/ no longer matches spec/ and the generator.
check: build
	$(GEN) check
	cd $(CONSUMER) && $(CURDIR)/$(GEN) check

lint: build
	$(GEN) lint spec/openfunnel.yaml

validate-spec: deps
	openapi-spec-validator spec/openfunnel.yaml

# Both packages' tests, then the example consumer from a clean build folder: what it resolves,
# its tests, and the plugins run from its folder (Scripts/check-consumer.sh).
test: deps validate-spec build
	python3 Scripts/json-schema-suite.py --check
	$(GEN) lint spec/openfunnel.yaml
	$(GEN) check
	cd $(CONSUMER) && $(CURDIR)/$(GEN) check
	$(SWIFT) test
	$(SWIFT) test --package-path $(TOOLS)
	$(SWIFT) test --package-path $(FLYINGFOX)
	Scripts/check-consumer.sh

# Hummingbird brings swift-nio, swift-nio-ssl, swift-crypto and 20 more packages: about 3.5 minutes
# of clean debug build on 2 cores, so it is not part of `make test`; .ci/run runs it after `make test`.
test-hummingbird: deps
	$(SWIFT) test --package-path $(HUMMINGBIRD)

# AsyncHTTPClient 1.37.0 brings swift-nio, swift-nio-ssl, swift-crypto and 20 more packages: 49 s to
# resolve, then a clean debug build of the transport took 9.9 minutes here on 2 cores shared with
# other builds (load average 10; 5.6 CPU-minutes), its tests 1 more; not part of `make test`;
# .ci/run runs it after `make test`.
test-async-http-client: deps
	$(SWIFT) test --package-path $(ASYNC_HTTP_CLIENT)

bench: deps
	Scripts/bench.sh

# Against Apple's swift-openapi-generator (Benchmarks/AppleGenerator): slow, the Stripe compiles
# alone take many minutes on 2 cores (APPLE_BENCH_COMPILE=0 skips them).
bench-apple: deps
	Scripts/bench-apple.sh

corpus: deps
	Scripts/corpus.sh

# A lookalike search through the openfunnel CLI against the fake server (see README).
demo: deps
	Scripts/demo.sh

# libFuzzer over load → generate for FUZZ_SECONDS (default 60); corpus and findings in .build-fuzz.
fuzz: deps
	Scripts/fuzz.sh

clean:
	rm -rf .build .build-corpus .build-bench .build-apple .build-fuzz .build-fuzz-replay $(TOOLS)/.build $(FLYINGFOX)/.build $(HUMMINGBIRD)/.build $(ASYNC_HTTP_CLIENT)/.build $(CONSUMER)/.build
