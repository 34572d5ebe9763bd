#!/usr/bin/env python3
"""Round trip of a spec's own examples through its generated module (used by Scripts/corpus.sh).

  corpus-examples.py extract SPEC MODULE_DIR MODULE RUNNER_DIR   writes RUNNER_DIR/main.swift and
      RUNNER_DIR/examples.json: every `example`/`examples` of a component schema, and of a media
      type whose schema is a component (or an array of one), that python-jsonschema accepts.
  corpus-examples.py compare RUNNER_DIR RESULTS                   prints the counts.

Examples are compared as JSON values (numbers by value, objects without key order).
"""
import json, os, re, sys
import yaml
import jsonschema

# Sources/SwiftCodegen/Naming: SwiftNames, UnicodeNames and IdentifierScalars, mirrored.
import unicodedata

# identifier-head above ASCII (The Swift Programming Language, Lexical Structure), BMP part;
# the supplementary planes 1-14 count but their last two code points.
_SWIFT_HEADS = [(0xA8, 0xA8), (0xAA, 0xAA), (0xAD, 0xAD), (0xAF, 0xAF), (0xB2, 0xB5), (0xB7, 0xBA),
                (0xBC, 0xBE), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0xFF),
                (0x100, 0x2FF), (0x370, 0x167F), (0x1681, 0x180D), (0x180F, 0x1DBF), (0x1E00, 0x1FFF),
                (0x200B, 0x200D), (0x202A, 0x202E), (0x203F, 0x2040), (0x2054, 0x2054), (0x2060, 0x206F),
                (0x2070, 0x20CF), (0x2100, 0x218F), (0x2460, 0x24FF), (0x2776, 0x2793),
                (0x2C00, 0x2DFF), (0x2E80, 0x2FFF),
                (0x3004, 0x3007), (0x3021, 0x302F), (0x3031, 0x303F), (0x3040, 0xD7FF),
                (0xF900, 0xFD3D), (0xFD40, 0xFDCF), (0xFDF0, 0xFE1F), (0xFE30, 0xFE44), (0xFE47, 0xFFFD)]
_SWIFT_CONTINUATION_ONLY = [(0x300, 0x36F), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F)]
# Default-ignorable code points that are not format characters (Cf) or unassigned: Swift reads the
# property; unicodedata has none.
_IGNORABLE_NOT_CF = [(0x34F, 0x34F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180D), (0x180F, 0x180F),
                     (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xE0100, 0xE01EF)]
SEPARATOR, UPPER, LOWER, DIGIT, OTHER = range(5)

def _in(ranges, v): return any(lo <= v <= hi for lo, hi in ranges)

def _swift_head(v):
    if v < 0x80: return chr(v).isascii() and (chr(v).isalpha() or v == 95)
    if v >= 0x10000: return v <= 0xEFFFD and (v & 0xFFFF) <= 0xFFFD
    return _in(_SWIFT_HEADS, v)

def _role(c):
    v = ord(c)
    if v < 0x80:
        if "0" <= c <= "9": return DIGIT
        return UPPER if "A" <= c <= "Z" else LOWER if "a" <= c <= "z" else SEPARATOR
    if not (_swift_head(v) or _in(_SWIFT_CONTINUATION_ONLY, v)) or _in(_IGNORABLE_NOT_CF, v): return SEPARATOR
    category = unicodedata.category(c)
    if category == "Nd": return DIGIT
    if category[0] in "LM" or category in ("Nl", "No"):
        return UPPER if c.isupper() else LOWER if c.islower() else OTHER
    return SEPARATOR

def words(text):
    b = unicodedata.normalize("NFC", text)
    roles = [_role(c) for c in b]
    out, start = [], -1
    for i, role in enumerate(roles):
        if role == SEPARATOR:
            if start >= 0: out.append(b[start:i])
            start = -1
            continue
        if start >= 0:
            last = roles[i - 1]
            next_lower = i + 1 < len(b) and roles[i + 1] == LOWER
            if role == UPPER and (last in (LOWER, DIGIT) or (last == UPPER and next_lower)):
                out.append(b[start:i]); start = i
        else:
            start = i
    if start >= 0: out.append(b[start:])
    return out

INITIALISMS = {"id", "url", "uri", "uuid", "http", "https", "api", "json", "html", "xml", "sql", "ip", "dns", "tls", "ssl", "ssh"}

def type_name(raw):
    out = ""
    for w in words(raw):
        if w.isascii() and len(w) <= 5 and w.lower() in INITIALISMS and not any(ch.isupper() for ch in w[1:]):
            out += w.upper()
        else:
            # A case mapping of more than one scalar (ß -> Ss) leaves the letter as it is.
            title = w[0].title()
            out += (title if len(title) == 1 and _role(title) != SEPARATOR else w[0]) + w[1:]
    if not out: return "Unnamed"
    if not _swift_head(ord(out[0])): out = "_" + out
    return out

def openapi30_to_jsonschema(node):
    """3.0's `nullable` in JSON Schema terms."""
    if isinstance(node, list): return [openapi30_to_jsonschema(n) for n in node]
    if not isinstance(node, dict): return node
    node = {k: openapi30_to_jsonschema(v) for k, v in node.items()}
    if node.pop("nullable", False) is True:
        if "enum" in node and None not in node["enum"]: node["enum"] = node["enum"] + [None]
        if isinstance(node.get("type"), str): node["type"] = [node["type"], "null"]
        elif "type" not in node: node = {"anyOf": [node, {"type": "null"}]}
    return node

def load(path):
    with open(path) as f:
        return json.load(f) if path.endswith(".json") else yaml.safe_load(f)

def extract(spec_path, module_dir, module, runner_dir):
    doc = load(spec_path)
    is30 = str(doc.get("openapi", "")).startswith("3.0")
    schemas = (doc.get("components") or {}).get("schemas") or {}
    declared = set()
    for name in os.listdir(module_dir):
        with open(os.path.join(module_dir, name)) as f:
            declared.update(re.findall(r"^public (?:indirect )?(?:struct|enum|typealias) (\w+)", f.read(), re.M))
    def swift_type(key):
        for candidate in (type_name(key), type_name(key) + "Model"):
            if candidate in declared: return candidate
        return None
    found = []  # (component key, is array, example value)
    for key, schema in schemas.items():
        if not isinstance(schema, dict): continue
        if "example" in schema: found.append((key, False, schema["example"]))
        for e in schema.get("examples") or [] if isinstance(schema.get("examples"), list) else []:
            found.append((key, False, e))
    def resolve(s):
        while isinstance(s, dict) and s.get("$ref", "").startswith("#/components/schemas/"):
            s = schemas.get(s["$ref"].split("/")[-1])
        return s if isinstance(s, dict) else {}
    def assemble(s, depth=0):
        """An object put together from its properties' own examples (Box writes them that way)."""
        if depth > 6: return None
        ref = s.get("$ref")
        s = resolve(s)
        if "example" in s: return s["example"]
        parts = [resolve(p) for p in s.get("allOf") or []] + [s]
        value = {}
        for part in parts:
            for key, prop in (part.get("properties") or {}).items():
                v = assemble(prop, depth + 1) if isinstance(prop, dict) else None
                if v is not None: value[key] = v
        if value: return value
        if s.get("type") == "array" and isinstance(s.get("items"), dict):
            item = assemble(s["items"], depth + 1)
            return None if item is None else [item]
        return None
    assembled = 0
    for key, schema in schemas.items():
        if isinstance(schema, dict) and "example" not in schema and not schema.get("examples") and (schema.get("properties") or schema.get("allOf")):
            value = assemble(schema)
            if isinstance(value, dict): found.append((key, False, value)); assembled += 1
    def media_examples(content):
        for media in (content or {}).values():
            if not isinstance(media, dict) or not isinstance(media.get("schema"), dict): continue
            s, array = media["schema"], False
            if s.get("type") == "array" and isinstance(s.get("items"), dict): s, array = s["items"], True
            ref = s.get("$ref", "")
            if not ref.startswith("#/components/schemas/"): continue
            key = ref.split("/")[-1]
            values = [media["example"]] if "example" in media else []
            values += [e["value"] for e in (media.get("examples") or {}).values() if isinstance(e, dict) and "value" in e]
            for v in values: found.append((key, array, v))
    for item in (doc.get("paths") or {}).values():
        for op in (item or {}).values():
            if not isinstance(op, dict): continue
            media_examples((op.get("requestBody") or {}).get("content"))
            for response in (op.get("responses") or {}).values():
                if isinstance(response, dict): media_examples(response.get("content"))
    root = {"components": doc.get("components") or {}}
    if is30: root = openapi30_to_jsonschema(root)
    validator_class = jsonschema.Draft4Validator if is30 else jsonschema.Draft202012Validator
    valid, unnamed, cases = 0, 0, []
    for key, array, value in found:
        target = {"$ref": "#/components/schemas/" + key}
        schema = dict(root, **({"type": "array", "items": target} if array else target))
        try:
            ok = validator_class(schema).is_valid(value)
        except Exception:
            ok = False
        if not ok: continue
        valid += 1
        name = swift_type(key)
        if name is None: unnamed += 1; continue
        cases.append({"type": "[%s]" % name if array else name, "text": json.dumps(value)})
    os.makedirs(runner_dir, exist_ok=True)
    with open(os.path.join(runner_dir, "examples.json"), "w") as f:
        json.dump({"found": len(found), "assembled": assembled, "valid": valid, "unnamed": unnamed, "cases": cases}, f)
    types = sorted({c["type"] for c in cases})
    with open(os.path.join(runner_dir, "main.swift"), "w") as f:
        f.write("import Foundation\nimport OpenAPIGenRuntime\nimport %s\n\n" % module)
        f.write("func roundTrip<T: Codable>(_ type: T.Type) -> (Data) throws -> Data {\n"
                "    { try JSONCoding.encode(JSONCoding.decode(T.self, from: $0)) }\n}\n\n")
        f.write("let table: [String: (Data) throws -> Data] = [\n")
        for t in types: f.write('    "%s": roundTrip(%s.self),\n' % (t, t))
        f.write("    \"\": roundTrip(JSONValue.self),\n]\n\n")
        f.write("let input = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1]))) as! [String: Any]\n"
                "for case let entry as [String: String] in input[\"cases\"] as! [Any] {\n"
                "    var result: [String: Any] = [\"type\": entry[\"type\"]!]\n"
                "    do {\n"
                "        result[\"encoded\"] = String(decoding: try table[entry[\"type\"]!]!(Data(entry[\"text\"]!.utf8)), as: UTF8.self)\n"
                "    } catch {\n"
                "        result[\"error\"] = String(describing: error)\n"
                "    }\n"
                "    print(String(decoding: try JSONSerialization.data(withJSONObject: result), as: UTF8.self))\n"
                "}\n")
    print("%d examples (%d assembled from property examples), %d schema-valid, %d with a Swift type" % (len(found), assembled, valid, len(cases)))

def compare(runner_dir, results_path):
    with open(os.path.join(runner_dir, "examples.json")) as f: info = json.load(f)
    results = [json.loads(line) for line in open(results_path) if line.startswith("{")]
    decoded = sum(1 for r in results if "encoded" in r)
    same = 0
    for case, r in zip(info["cases"], results):
        if "encoded" in r and json.loads(r["encoded"]) == json.loads(case["text"]): same += 1
        elif os.environ.get("CORPUS_VERBOSE"):
            print("  differs: %s %s\n    -> %s" % (case["type"], case["text"][:300], r.get("encoded", r.get("error", ""))[:300]))
    print("%d|%d|%d|%d" % (info["found"], info["valid"], decoded, same))

if __name__ == "__main__":
    if sys.argv[1] == "extract": extract(*sys.argv[2:6])
    else: compare(*sys.argv[2:4])
