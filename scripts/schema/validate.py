"""Validates JSON documents against a JSON Schema (draft 2020-12) with the jsonschema package.

Usage: validate.py SCHEMA DOCUMENT...
Prints one line per document: its path, a tab, then `valid` or `invalid` and, after another tab,
the first error's JSON path and message. Exits 0 when it could judge every document.
"""
import json
import sys

import jsonschema


def main() -> int:
    schema_path, *documents = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    for path in documents:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
        if errors:
            first = errors[0]
            print(f"{path}\tinvalid\t{first.json_path}: {first.message}")
        else:
            print(f"{path}\tvalid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
