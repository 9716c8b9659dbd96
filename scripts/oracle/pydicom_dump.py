#!/usr/bin/python3
"""Reference output for the reader's conformance test: pydicom's DICOM JSON model of each file.

Usage: pydicom_dump.py FILE...   (or file names on stdin, one per line, when no argument is given)
Prints one JSON object per line and file:
  {"file": PATH, "meta": {...}, "dataset": {...}}   or   {"file": PATH, "error": "Type: message"}
"meta" is the file meta information (group 0002), "dataset" the rest, both as Dataset.to_json_dict()
after dcmread(path, stop_before_pixels=True, force=True). Non-finite floats become the strings
"NaN", "Infinity", "-Infinity" (JSON has no such numbers; dicombq writes them the same way).
"""
import json
import math
import sys
import warnings

import pydicom


def finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [finite(item) for item in value]
    return value


def dump(path):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ds = pydicom.dcmread(path, stop_before_pixels=True, force=True)
            meta = ds.file_meta.to_json_dict() if getattr(ds, "file_meta", None) is not None else {}
            body = ds.to_json_dict()
        return {"file": path, "meta": finite(meta), "dataset": finite(body)}
    except Exception as error:  # one bad file must not stop the others
        return {"file": path, "error": type(error).__name__ + ": " + str(error)}


def main():
    paths = sys.argv[1:] or [line.rstrip("\n") for line in sys.stdin if line.strip()]
    for path in paths:
        sys.stdout.write(json.dumps(dump(path), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
