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

and the same for OpenAPI 3.0 (JSONSchemaSuite30.yaml, cases-3.0.jsonl, skipped-3.0.txt,
JSONSchemaSuite30Types.swift): the groups of the files whose keywords 3.0 has, rewritten in
3.0's spelling (`nullable`, boolean `exclusiveMaximum`, `const` as `enum`, an `example`).

Both are generated with `inferTypes: false` (`--no-infer-types`): the suite judges JSON Schema's
reading of a schema without `type`, which that option keeps.

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


def rebase(schema, base, top=True):
    """`$ref: "#…"` inside a group's schema means the group's root: point it at the property.

    Not inside a subschema with its own `$id`: that starts a resource of its own, against
    which `#…` resolves (and openapi-gen resolves it so).
    """
    if isinstance(schema, PairList):
        if not top and isinstance(get(schema, "$id"), str):
            base = None
        out = PairList()
        for k, v in schema:
            if base is not None and k in ("$ref", "$dynamicRef") and isinstance(v, str) and v.startswith("#") \
                    and not v.startswith("#/components"):
                fragment = v[1:]
                v = "#" + base + fragment if fragment == "" or fragment.startswith("/") else v
            # enum, const and the like hold values, not schemas: a `$ref` member there is data.
            out.append((k, v if k in ("enum", "const", "default", "examples") else rebase(v, base, False)))
        return out
    if isinstance(schema, list):
        return [rebase(e, base, False) for e in schema]
    return schema


def component(name, schema):
    base = "/components/schemas/" + name + "/properties/value"
    return PairList([("type", "object"), ("required", ["value"]),
                     ("properties", PairList([("value", rebase(schema, base))]))])


def document(components, version="3.1.0"):
    return PairList([
        ("openapi", version),
        ("info", PairList([("title", "JSON Schema Test Suite draft 2020-12"), ("version", "1.0.0")])),
        ("paths", PairList()),
        ("components", PairList([("schemas", PairList(components))])),
    ])


def render(doc):
    # One component per line keeps the fixture's diffs readable.
    comps = get(get(doc, "components"), "schemas")
    head = ('{"openapi": "' + get(doc, "openapi") + '", "info": {"title": "JSON Schema Test Suite draft 2020-12", "version": "1.0.0"},\n'
            ' "paths": {},\n "components": {"schemas": {\n')
    body = ",\n".join("  " + json.dumps(k) + ": " + dump(v) for k, v in comps)
    return head + body + "\n}}}\n"


def generates(name, schema, version, infer=True):
    """(None, inferred) when openapi-gen generates the group alone, where `inferred` tells whether
    it read a type the schema does not state (its warning); else (its first error line, False)."""
    with tempfile.TemporaryDirectory() as tmp:
        spec = os.path.join(tmp, "group.yaml")
        with open(spec, "w", encoding="utf-8") as f:
            f.write(render(document([(name, component(name, schema))], version)))
        flags = [] if infer else ["--no-infer-types"]
        run = subprocess.run([GEN, "generate", spec, "--output", os.path.join(tmp, "out"), "--module", "Group"] + flags,
                             capture_output=True, text=True, cwd=tmp)
        if run.returncode == 0:
            return None, "warning: no `type`: read as" in run.stderr + run.stdout
        errors = [l for l in (run.stderr + run.stdout).splitlines() if ": error: " in l]
        line = errors[0] if errors else (run.stderr.strip().splitlines() or ["exit %d" % run.returncode])[0]
        # The temporary folder's name would make the listing differ from run to run.
        return line.split(": error: ", 1)[-1].replace(tmp + os.sep, "").replace(tmp, "."), False


class NotExpressible(Exception):
    pass


# The files whose keywords OpenAPI 3.0's schema object has (OAS 3.0 is JSON Schema draft 5 with
# `nullable` and boolean exclusive bounds); their groups are rewritten in 3.0's spelling where
# every keyword they use has one.
FILES_30 = {"additionalProperties", "allOf", "anyOf", "const", "enum", "exclusiveMaximum", "exclusiveMinimum",
            "items", "maxItems", "maxLength", "maxProperties", "maximum", "minItems", "minLength",
            "minProperties", "minimum", "multipleOf", "not", "oneOf", "pattern", "properties", "required",
            "type", "uniqueItems"}
ONLY_31 = {"prefixItems", "$defs", "definitions", "$ref", "if", "then", "else", "dependentRequired",
           "dependentSchemas", "contains", "minContains", "maxContains", "unevaluatedItems",
           "unevaluatedProperties", "propertyNames", "patternProperties", "$id", "$anchor", "$dynamicRef",
           "$dynamicAnchor", "examples", "contentEncoding", "contentMediaType", "contentSchema"}


def to30(schema):
    """The schema in OpenAPI 3.0's spelling: `const` as a one-value `enum`, `type: [X, "null"]` as
    `nullable`, numeric exclusive bounds as `maximum` + `exclusiveMaximum: true`."""
    if not isinstance(schema, PairList):
        raise NotExpressible("boolean schema")
    keys = [k for k, _ in schema]
    out = PairList()
    for k, v in schema:
        if k in ("$schema", "$comment"):
            continue
        if k in ONLY_31:
            raise NotExpressible(k)
        if k == "const":
            if v is None:
                raise NotExpressible("const null")
            out.append(("enum", [v]))
        elif k in ("exclusiveMaximum", "exclusiveMinimum"):
            bound = "maximum" if k == "exclusiveMaximum" else "minimum"
            if bound in keys:
                raise NotExpressible(k + " beside " + bound)
            out += [(bound, v), (k, True)]
        elif k == "type" and isinstance(v, list):
            rest = [t for t in v if t != "null"]
            if len(rest) != 1:
                raise NotExpressible("several types")
            out.append(("type", rest[0]))
            if "null" in v:
                out.append(("nullable", True))
        elif k == "type" and v == "null":
            raise NotExpressible("type null")
        elif k == "properties":
            out.append((k, PairList((name, to30(sub)) for name, sub in v)))
        elif k in ("items", "not") or k == "additionalProperties" and isinstance(v, PairList):
            out.append((k, to30(v)))
        elif k in ("allOf", "anyOf", "oneOf"):
            out.append((k, [to30(sub) for sub in v]))
        else:
            out.append((k, v))
    return out


def build(dialect):
    files = sorted(f for f in os.listdir(SUITE) if f.endswith(".json"))
    comps, exact, cases, skipped, index = [], [], [], [], 0
    version = "3.1.0" if dialect == "31" else "3.0.3"
    for f in files:
        if dialect == "30" and f[:-5] not in FILES_30:
            continue
        if f in SKIPPED_FILES:
            skipped.append("%s: %s" % (f, SKIPPED_FILES[f]))
            continue
        for gi, group in enumerate(load(os.path.join(SUITE, f))):
            index += 1
            name = "G%04d" % index
            schema = get(group, "schema")
            if dialect == "30":
                try:
                    schema = to30(schema)
                except NotExpressible as reason:
                    skipped.append("%s #%d: not in 3.0: %s" % (f, gi, reason))
                    continue
                # `example` is an annotation: a valid case's data, which must change nothing.
                valid = [get(c, "data") for c in get(group, "tests") if get(c, "valid")]
                if valid:
                    schema = PairList(list(schema) + [("example", valid[0])])
            error, inferred = generates(name, schema, version)
            if error is None:
                comps.append((name, component(name, schema)))
            else:
                skipped.append("%s #%d: not generated: %s" % (f, gi, error))
            # A group whose schema leaves out the `type` its keywords imply is also generated
            # with inferTypes: false, JSON Schema's reading, and judged by that too.
            judged_exact = False
            if inferred:
                exact_error, _ = generates(name, schema, version, infer=False)
                if exact_error is None:
                    exact.append((name, component(name, schema)))
                    judged_exact = True
                else:
                    skipped.append("%s #%d: not generated with inferTypes: false: %s" % (f, gi, exact_error))
            for ci, case in enumerate(get(group, "tests")):
                line = {
                    "file": f, "group": gi, "case": ci, "component": name if error is None else None,
                    "description": get(group, "description") + " / " + get(case, "description"),
                    "valid": get(case, "valid"),
                    "body": '{"value": ' + dump(get(case, "data")) + "}",
                }
                if judged_exact:
                    line["exact"] = True
                cases.append(json.dumps(line, ensure_ascii=False))
    suffix = "" if dialect == "31" else "30"
    folder = "Tests/JSONSchemaSuite/"
    name = "" if dialect == "31" else "-3.0"
    outputs = {
        folder + "cases%s.jsonl" % name: "\n".join(cases) + "\n",
        folder + "skipped%s.txt" % name: "\n".join(skipped) + "\n",
    }
    for variant, components in (("", comps), ("Exact", exact)):
        stem = "JSONSchemaSuite" + variant + suffix
        module = "Golden" + stem
        what = "" if not variant else ", generated with inferTypes: false"
        types = ["// Generated by Scripts/json-schema-suite.py from the JSON Schema Test Suite: do not edit.",
                 "import " + module, "",
                 "/// Each suite group's component and the type generated for it%s." % what,
                 "let json%sTypes: [String: any (Decodable & Sendable).Type] = [" % stem[4:]]
        types += ["    %s: %s.%s.self," % (json.dumps(n), module, n) for n, _ in components]
        types += ["]", ""]
        outputs[DOCUMENT.replace("JSONSchemaSuite", stem, 1)] = render(document(components, version))
        outputs[TYPES.replace("JSONSchemaSuite", stem, 1)] = "\n".join(types)
    return outputs


def main():
    if not os.path.isdir(SUITE):
        sys.exit("the JSON Schema Test Suite is not at " + SUITE)
    if not os.path.exists(GEN):
        sys.exit("build openapi-gen first: swift build --product openapi-gen")
    outputs = build("31")
    outputs.update(build("30"))
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
