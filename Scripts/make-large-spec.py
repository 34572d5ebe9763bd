#!/usr/bin/env python3
"""Writes a large, realistic OpenAPI 3.1 document for measuring the loader and generator at scale.

    Scripts/make-large-spec.py SIZE_MB OUT          # OUT ending in .json writes JSON, otherwise YAML

The document grows in "resources" until it reaches SIZE_MB (MiB): each adds component schemas
(a resource with nested objects, enums, nullable fields, arrays of references, an allOf, a
oneOf with a discriminator, multi-line descriptions) and a collection and an item path with
parameters, request bodies and responses that refer to them. The same SIZE_MB and the same
seed give the same bytes, so figures from different runs are of the same input.

Only the standard library: the YAML is written by hand (block style, JSON-quoted scalars
where a plain scalar would be ambiguous), so that the script runs wherever python3 does.
"""

import json
from itertools import islice
import random
import sys

WORDS = (
    "account address amount balance batch billing card charge checkout customer discount dispute "
    "event file invoice item ledger line mandate method order owner payment payout plan price "
    "product quote refund report review schedule session settlement shipment source subscription "
    "tax tier token transfer usage vendor webhook window zone"
).split()
ADJECTIVES = "active archived current default external internal legacy pending primary recent shared".split()
SENTENCES = [
    "This value is set by the server when the object is created and never changes afterwards.",
    "Clients should treat unknown values as opaque and keep them when writing the object back.",
    "The field is omitted when the feature is not enabled for the account.",
    "Amounts are expressed in the smallest unit of the currency, for example cents for USD.",
    "Timestamps are RFC 3339 date-times in UTC with second precision.",
    "A list is paginated: follow `next_cursor` until it is null to read every element.",
    "Changing this value triggers an asynchronous job; poll the status endpoint for completion.",
    "Deprecated values are still accepted on input but are never returned.",
]


def camel(*parts):
    return "".join(p[:1].upper() + p[1:] for p in parts)


def description(rng, sentences=2):
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


class Builder:
    """Adds resources to `paths` and `schemas` until the estimated size reaches the target."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.paths = {}
        self.schemas = {}
        self.names = []

    def resource(self, index):
        rng = self.rng
        noun = f"{rng.choice(ADJECTIVES)}_{rng.choice(WORDS)}"
        name = camel(*noun.split("_")) + str(index)
        status = f"{name}Status"
        self.schemas[status] = {
            "type": "string",
            "description": f"Lifecycle state of a {noun.replace('_', ' ')}.",
            "enum": ["draft", "open", "paid", "void", "uncollectible", "archived"],
        }
        nested_props = {}
        for i in range(rng.randint(3, 6)):
            field = f"{rng.choice(WORDS)}_{i}"
            nested_props[field] = rng.choice([
                {"type": "string", "maxLength": 5000, "description": description(rng, 1)},
                {"type": "integer", "format": "int64", "minimum": 0},
                {"type": ["string", "null"], "format": "date-time"},
                {"type": "boolean", "default": False},
            ])
        properties = {
            "id": {"type": "string", "description": "Unique identifier for the object.", "maxLength": 5000,
                   "pattern": "^[a-z]{2,4}_[A-Za-z0-9]{8,32}$"},
            "object": {"type": "string", "const": noun, "description": "String representing the object's type."},
            "created": {"type": "integer", "format": "int64", "description": "Time at which the object was created, in seconds since the Unix epoch."},
            "status": {"$ref": f"#/components/schemas/{status}"},
            "amount": {"type": "integer", "minimum": 0, "description": description(rng)},
            "currency": {"type": "string", "minLength": 3, "maxLength": 3, "description": "Three-letter ISO currency code, in lowercase."},
            "metadata": {
                "type": "object",
                "additionalProperties": {"type": "string", "maxLength": 500},
                "description": "Set of key-value pairs that you can attach to an object.",
            },
            "details": {"type": "object", "description": description(rng, 3), "properties": nested_props,
                        "required": list(nested_props)[:2]},
            "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 50},
            "livemode": {"type": "boolean"},
            "note": {"type": ["string", "null"], "description": description(rng, 1)},
        }
        if self.names:
            other = rng.choice(self.names)
            properties["parent"] = {
                "anyOf": [{"$ref": f"#/components/schemas/{other}"}, {"type": "null"}],
                "description": "The object this one was derived from, if any.",
            }
            properties["related"] = {"type": "array", "items": {"$ref": f"#/components/schemas/{rng.choice(self.names)}"}}
        self.schemas[name] = {
            "type": "object",
            "title": name,
            "description": description(rng, 4) + "\n\n" + description(rng, 3),
            "required": ["id", "object", "created", "status"],
            "properties": properties,
        }
        self.schemas[f"{name}Create"] = {
            "allOf": [
                {"$ref": f"#/components/schemas/{name}"},
                {"type": "object", "properties": {"idempotency_key": {"type": "string", "maxLength": 255}}},
            ],
        }
        card, transfer = f"{name}CardSource", f"{name}TransferSource"
        self.schemas[card] = {"type": "object", "required": ["type", "last4"],
                              "properties": {"type": {"type": "string", "const": "card"},
                                             "last4": {"type": "string", "pattern": "^[0-9]{4}$"}}}
        self.schemas[transfer] = {"type": "object", "required": ["type", "reference"],
                                  "properties": {"type": {"type": "string", "const": "transfer"},
                                                 "reference": {"type": "string"}}}
        self.schemas[f"{name}Source"] = {
            "oneOf": [{"$ref": f"#/components/schemas/{card}"}, {"$ref": f"#/components/schemas/{transfer}"}],
            "discriminator": {"propertyName": "type", "mapping": {
                "card": f"#/components/schemas/{card}", "transfer": f"#/components/schemas/{transfer}"}},
        }
        self.schemas[f"{name}List"] = {
            "type": "object",
            "required": ["data", "has_more"],
            "properties": {
                "data": {"type": "array", "items": {"$ref": f"#/components/schemas/{name}"}},
                "has_more": {"type": "boolean"},
                "next_cursor": {"type": ["string", "null"]},
            },
        }
        self.names.append(name)

        ref = {"$ref": f"#/components/schemas/{name}"}
        error = {"description": "The request failed.",
                 "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        segment = noun.replace("_", "-") + f"-{index}"
        self.paths[f"/v1/{segment}"] = {
            "get": {
                "operationId": f"list{name}",
                "summary": f"List {noun.replace('_', ' ')} objects",
                "description": description(rng, 3),
                "tags": [camel(noun.split("_")[1])],
                "parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}},
                    {"name": "starting_after", "in": "query", "schema": {"type": "string"}},
                    {"name": "status", "in": "query", "schema": {"$ref": f"#/components/schemas/{status}"}},
                ],
                "responses": {
                    "200": {"description": "A page of objects.",
                            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}List"}}}},
                    "default": error,
                },
            },
            "post": {
                "operationId": f"create{name}",
                "summary": f"Create a {noun.replace('_', ' ')}",
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": f"#/components/schemas/{name}Create"}}}},
                "responses": {"200": {"description": "The created object.", "content": {"application/json": {"schema": ref}}},
                              "default": error},
            },
        }
        self.paths[f"/v1/{segment}/{{id}}"] = {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "get": {
                "operationId": f"get{name}",
                "responses": {"200": {"description": "The object.", "content": {"application/json": {"schema": ref}}},
                              "404": error},
            },
            "delete": {
                "operationId": f"delete{name}",
                "responses": {"204": {"description": "Deleted."}, "default": error},
            },
        }


def build(size_mb, json_output):
    # Bytes written per byte of compact JSON, measured on this script's output.
    factor = 1.78 if json_output else 1.30
    builder = Builder(seed=20240601)
    target = int(size_mb * 1024 * 1024)
    estimate, index = 0, 0
    while estimate < target:
        before = (len(builder.paths), len(builder.schemas))
        builder.resource(index)
        index += 1
        # Sized by the compact JSON of the new parts: far cheaper than writing them out.
        added = (list(islice(reversed(builder.paths.items()), len(builder.paths) - before[0]))
                 + list(islice(reversed(builder.schemas.items()), len(builder.schemas) - before[1])))
        estimate += int(len(json.dumps(dict(added), separators=(",", ":"))) * factor)
    builder.schemas["Error"] = {
        "type": "object", "required": ["message"],
        "properties": {"message": {"type": "string"}, "code": {"type": ["string", "null"]}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Large generated API", "version": "1.0.0",
                 "description": f"A synthetic {size_mb} MB document made by Scripts/make-large-spec.py."},
        "servers": [{"url": "https://api.example.com"}],
        "paths": builder.paths,
        "components": {"schemas": builder.schemas},
    }


PLAIN_UNSAFE = set(":#{}[],&*!|>'\"%@`") | {"-", "?"}


def scalar(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    # Plain only when nothing could read as another type or as YAML syntax.
    if (text and text[0] not in PLAIN_UNSAFE and not any(c in text for c in ":#\n\"'\\")
            and text.strip() == text and text.lower() not in ("null", "true", "false", "yes", "no", "on", "off", "~")
            and not text[0].isdigit()):
        return text
    return json.dumps(text, ensure_ascii=False)


def write_yaml(out, value, indent=0):
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            key_text = scalar(key)
            if isinstance(item, (dict, list)) and item:
                out.write(f"{pad}{key_text}:\n")
                write_yaml(out, item, indent + 2)
            elif isinstance(item, str) and "\n" in item:
                out.write(f"{pad}{key_text}: |-\n")
                for line in item.split("\n"):
                    out.write(f"{pad}  {line}\n" if line else "\n")
            else:
                out.write(f"{pad}{key_text}: {empty(item) if isinstance(item, (dict, list)) else scalar(item)}\n")
    else:
        for item in value:
            if isinstance(item, dict) and item:
                # The first entry on the dash's line, the rest under it.
                lines = []
                write_yaml(_Lines(lines), item, indent + 2)
                first = lines[0][indent + 2:]
                out.write(f"{pad}- {first}")
                for line in lines[1:]:
                    out.write(line)
            elif isinstance(item, list) and item:
                out.write(f"{pad}-\n")
                write_yaml(out, item, indent + 2)
            else:
                out.write(f"{pad}- {empty(item) if isinstance(item, (dict, list)) else scalar(item)}\n")


def empty(value):
    return "{}" if isinstance(value, dict) else "[]"


class _Lines:
    """Collects written text as whole lines."""

    def __init__(self, lines):
        self.lines = lines
        self.partial = ""

    def write(self, text):
        text = self.partial + text
        parts = text.split("\n")
        self.partial = parts.pop()
        self.lines.extend(part + "\n" for part in parts)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make-large-spec.py SIZE_MB OUT (OUT ending in .json writes JSON)")
    size_mb = float(sys.argv[1])
    out_path = sys.argv[2]
    document = build(size_mb, out_path.endswith(".json"))
    with open(out_path, "w", encoding="utf-8") as out:
        if out_path.endswith(".json"):
            json.dump(document, out, indent=2, ensure_ascii=False)
            out.write("\n")
        else:
            write_yaml(out, document)


if __name__ == "__main__":
    main()
