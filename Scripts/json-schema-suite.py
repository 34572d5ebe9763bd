#!/usr/bin/env python3
"""Turns the JSON Schema Test Suite (draft 2020-12) into the conformance fixture.

Reads ../shared/json-schema-test-suite/draft2020-12/*.json (top level) and writes:

  Tests/Fixtures/JSONSchemaSuite.yaml      one OpenAPI 3.1 document (JSON text, which is YAML):
                                           group N's schema is the required property `value` of
                                           component `G<N>`; generated and compiled as the golden
                                           module GoldenJSONSchemaSuite like every fixture
  Tests/JSONSchemaSuite/cases.jsonl        one line per case: file, group, case, component, the
                                           expected verdict and the body `{"value": data}`, with
                                           the data's text exactly as the suite writes it
  Tests/JSONSchemaSuite/skipped.txt        files and groups left out, each with its reason
  Tests/GoldenBehaviourTests/JSONSchemaSuiteTypes.swift   component name -> generated type

Groups that openapi-gen refuses to generate are left out (and listed, with the error) so that one
of them cannot take the whole module down; their cases still count as disagreeing.

  Scripts/json-schema-suite.py            rewrite the files (needs .build/debug/openapi-gen)
  Scripts/json-schema-suite.py --check    exit 1 when the committed files are not what the
                                          suite and the current generator give
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITE = os.path.normpath(os.path.join(ROOT, "..", "shared", "json-schema-test-suite", "draft2020-12"))
GEN = os.path.join(ROOT, ".build", "debug", "openapi-gen")
DOCUMENT = "Tests/Fixtures/JSONSchemaSuite.yaml"
CASES = "Tests/JSONSchemaSuite/cases.jsonl"
SKIPPED = "Tests/JSONSchemaSuite/skipped.txt"
TYPES = "Tests/GoldenBehaviourTests/JSONSchemaSuiteTypes.swift"

# Whole files left out, and why. Everything else at the top level is used.
SKIPPED_FILES = {
    "refRemote.json": "needs remote documents served at http://localhost:1234",
    "vocabulary.json": "needs a remote metaschema declaring custom vocabularies",
}


class Raw:
    """A number kept as the suite writes it (1.0 stays 1.0, big integers stay exact)."""

    def __init__(self, text):
        self.text = text


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=PairList, parse_float=Raw, parse_int=Raw, parse_constant=Raw)


class PairList(list):
    """A JSON object as its (key, value) pairs, in order, told apart from an array."""


def dump(value):
    if isinstance(value, Raw):
        return value.text
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, PairList):
        return "{" + ", ".join(json.dumps(k, ensure_ascii=False) + ": " + dump(v) for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(dump(e) for e in value) + "]"
    raise TypeError(type(value))


def get(obj, key):
    for k, v in obj:
        if k == key:
            return v
    return None


def rebase(schema, base):
    """`$ref: "#…"` inside a group's schema means the group's root: point it at the property."""
    if isinstance(schema, PairList):
        out = PairList()
        for k, v in schema:
            if k in ("$ref", "$dynamicRef") and isinstance(v, str) and v.startswith("#") and not v.startswith("#/components"):
                fragment = v[1:]
                v = "#" + base + fragment if fragment == "" or fragment.startswith("/") else v
            # enum, const and the like hold values, not schemas: a `$ref` member there is data.
            out.append((k, v if k in ("enum", "const", "default", "examples") else rebase(v, base)))
        return out
    if isinstance(schema, list):
        return [rebase(e, base) for e in schema]
    return schema


def component(name, schema):
    base = "/components/schemas/" + name + "/properties/value"
    return PairList([("type", "object"), ("required", ["value"]),
                     ("properties", PairList([("value", rebase(schema, base))]))])


def document(components):
    return PairList([
        ("openapi", "3.1.0"),
        ("info", PairList([("title", "JSON Schema Test Suite draft 2020-12"), ("version", "1.0.0")])),
        ("paths", PairList()),
        ("components", PairList([("schemas", PairList(components))])),
    ])


def render(doc):
    # One component per line keeps the fixture's diffs readable.
    comps = get(get(doc, "components"), "schemas")
    head = ('{"openapi": "3.1.0", "info": {"title": "JSON Schema Test Suite draft 2020-12", "version": "1.0.0"},\n'
            ' "paths": {},\n "components": {"schemas": {\n')
    body = ",\n".join("  " + json.dumps(k) + ": " + dump(v) for k, v in comps)
    return head + body + "\n}}}\n"


def generates(name, schema):
    """None when openapi-gen generates the group alone, else its first error line."""
    with tempfile.TemporaryDirectory() as tmp:
        spec = os.path.join(tmp, "group.yaml")
        with open(spec, "w", encoding="utf-8") as f:
            f.write(render(document([(name, component(name, schema))])))
        run = subprocess.run([GEN, "generate", spec, "--output", os.path.join(tmp, "out"), "--module", "Group"],
                             capture_output=True, text=True, cwd=tmp)
        if run.returncode == 0:
            return None
        errors = [l for l in (run.stderr + run.stdout).splitlines() if ": error: " in l]
        line = errors[0] if errors else (run.stderr.strip().splitlines() or ["exit %d" % run.returncode])[0]
        # The temporary folder's name would make the listing differ from run to run.
        return line.split(": error: ", 1)[-1].replace(tmp + os.sep, "").replace(tmp, ".")


def build():
    files = sorted(f for f in os.listdir(SUITE) if f.endswith(".json"))
    comps, cases, skipped, index = [], [], [], 0
    for f in files:
        if f in SKIPPED_FILES:
            skipped.append("%s: %s" % (f, SKIPPED_FILES[f]))
            continue
        for gi, group in enumerate(load(os.path.join(SUITE, f))):
            index += 1
            name = "G%04d" % index
            schema = get(group, "schema")
            error = generates(name, schema)
            if error is None:
                comps.append((name, component(name, schema)))
            else:
                skipped.append("%s #%d: not generated: %s" % (f, gi, error))
            for ci, case in enumerate(get(group, "tests")):
                cases.append(json.dumps({
                    "file": f, "group": gi, "case": ci, "component": name if error is None else None,
                    "description": get(group, "description") + " / " + get(case, "description"),
                    "valid": get(case, "valid"),
                    "body": '{"value": ' + dump(get(case, "data")) + "}",
                }, ensure_ascii=False))
    types = ["// Generated by Scripts/json-schema-suite.py from the JSON Schema Test Suite: do not edit.",
             "import GoldenJSONSchemaSuite", "",
             "/// Each suite group's component and the type generated for it.",
             "let jsonSchemaSuiteTypes: [String: any Decodable.Type] = ["]
    types += ["    %s: %s.self," % (json.dumps(n), n) for n, _ in comps]
    types += ["]", ""]
    return {
        DOCUMENT: render(document(comps)),
        CASES: "\n".join(cases) + "\n",
        SKIPPED: "\n".join(skipped) + "\n",
        TYPES: "\n".join(types),
    }


def main():
    if not os.path.isdir(SUITE):
        sys.exit("the JSON Schema Test Suite is not at " + SUITE)
    if not os.path.exists(GEN):
        sys.exit("build openapi-gen first: swift build --product openapi-gen")
    outputs = build()
    check = "--check" in sys.argv
    stale = []
    for path, text in outputs.items():
        full = os.path.join(ROOT, path)
        old = open(full, encoding="utf-8").read() if os.path.exists(full) else None
        if old != text:
            stale.append(path)
            if not check:
                os.makedirs(os.path.dirname(full), exist_ok=True)
                with open(full, "w", encoding="utf-8") as f:
                    f.write(text)
    if check and stale:
        sys.exit("out of date (run Scripts/json-schema-suite.py): " + ", ".join(stale))
    print(("up to date" if not stale else "wrote " + ", ".join(stale)))


if __name__ == "__main__":
    main()
