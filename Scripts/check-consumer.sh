#!/usr/bin/env bash
# Part of `make test`: Examples/PetstoreConsumer, a package that depends on this one as a consumer
# does, built from a clean build folder and a clean dependency cache (nothing resolved earlier
# can leak in). Checks that it resolves only this package and swift-log
# (the runtime's one dependency), that its tests pass, and that the plugins work from its folder:
# `swift package check-openapi` passes on the committed code and fails with a diff once a
# generated file is edited. The plugins build the generator there, which must add no dependency.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
consumer="$root/Examples/PetstoreConsumer"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/openapi-gen-consumer.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
spm() { command swift "$1" --package-path "$consumer" --scratch-path "$scratch/build" --cache-path "$scratch/cache" "${@:2}"; }
die() { echo "check-consumer: $*" >&2; exit 1; }

# What the consumer resolves: the identities of every package in its graph but itself.
resolved() {
  spm package show-dependencies --format json 2>/dev/null | python3 -c '
import json, sys
def walk(node):
    for child in node.get("dependencies", []):
        yield child["identity"]
        yield from walk(child)
print(" ".join(sorted(set(walk(json.load(sys.stdin))))))'
}
expected=$(printf '%s\n' "$(basename "$root" | tr '[:upper:]' '[:lower:]')" swift-log | sort | tr '\n' ' ' | sed 's/ $//')

spm package resolve >/dev/null
got=$(resolved)
[ "$got" = "$expected" ] || die "the consumer resolves [$got], expected only [$expected]"
echo "check-consumer: resolves $got"
checkouts=$(ls "$scratch/build/checkouts" | tr '\n' ' ' | sed 's/ $//')
[ "$checkouts" = "swift-log" ] || die "checked out [$checkouts], expected only [swift-log]"

spm build >/dev/null
spm test 2>&1 | grep -E '^✔ Test run' || die "the consumer's tests failed"

# The drift check from the consumer's side: up to date, then out of date after an edit.
(spm package check-openapi >/dev/null 2>"$scratch/check.err") \
  || { cat "$scratch/check.err" >&2; die "swift package check-openapi failed on the committed code"; }
models="$consumer/Sources/PetstoreClient/Models.swift"
cp "$models" "$scratch/Models.swift"
trap 'cp "$scratch/Models.swift" "$models"; rm -rf "$scratch"' EXIT
echo "// edited by hand" >>"$models"
if (spm package check-openapi >"$scratch/drift.out" 2>&1); then
  die "swift package check-openapi passed on an edited generated file"
fi
grep -q '^+++ b/Sources/PetstoreClient/Models.swift' "$scratch/drift.out" || { cat "$scratch/drift.out" >&2; die "no diff for the edited file"; }
cp "$scratch/Models.swift" "$models"
echo "check-consumer: check-openapi passes, and fails with a diff after an edit"
got=$(resolved)
[ "$got" = "$expected" ] || die "after building the generator for the plugins the consumer resolves [$got]"
echo "check-consumer: the plugins added no dependency"
