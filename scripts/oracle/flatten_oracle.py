#!/usr/bin/python3
"""Independent oracle for the flattened table (specification 3), written from the rules, on pydicom.

Usage: flatten_oracle.py [--source-store NAME] FILE...
Prints one JSON object per line and file:
  {"file": PATH, "schema": [BigQuery schema.fields], "row": {canonical row}}   or   {"file": PATH, "error": "..."}
The row is in dicombq's canonical row JSON (io.dicombq.domain.schema.RowJson): NULLs and empty arrays left
out, INTEGER as a decimal string, FLOAT as a JSON number, DATE "YYYY-MM-DD", TIME "HH:MM:SS[.ffffff]",
TIMESTAMP "YYYY-MM-DDTHH:MM:SS[.ffffff]Z". It shares no code with dicombq: pydicom reads the file and
decodes character sets; everything else (names, types, modes, PN, private elements, dates, DroppedTags,
depth limit, canonical column order) is implemented here again from docs/specification.md.
Binary values are always available to pydicom, so private binary elements are written in base64 whatever
their size (dicombq's test reads with a bulk threshold high enough to keep them too).
"""
import base64
import datetime
import json
import math
import os
import re
import sys
import warnings
from decimal import Decimal

import pydicom
from pydicom.datadict import DicomDictionary, RepeatersDictionary, get_entry, get_private_entry
from pydicom.dataelem import RawDataElement
from pydicom.multival import MultiValue
from pydicom.sequence import Sequence

MAX_DEPTH = 15
FIXED = ["Alphabetic", "Ideographic", "Phonetic", "FamilyName", "GivenName", "MiddleName", "NamePrefix",
         "NameSuffix", "Id", "Value", "Tag", "Data", "TagName", "TagReference", "OtherElements", "DroppedTags",
         "Type", "LastUpdated", "StorageClass", "BlobStorageSize", "SourceDicomStore"]
OPERATIONAL = [("Type", "STRING"), ("LastUpdated", "TIMESTAMP"), ("StorageClass", "STRING"), ("BlobStorageSize", "INTEGER")]
GROUPS = ["Alphabetic", "Ideographic", "Phonetic"]
COMPONENTS = ["FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"]
TYPE_OF_VR = {}
for _vr in "AE AS CS DS IS LO LT SH ST UC UI UR UT".split():
    TYPE_OF_VR[_vr] = "STRING"
TYPE_OF_VR.update({"DA": "DATE", "TM": "TIME", "DT": "TIMESTAMP", "FL": "FLOAT", "FD": "FLOAT", "PN": "PN", "SQ": "SQ"})
for _vr in "AT SS US SL UL SV UV".split():
    TYPE_OF_VR[_vr] = "INTEGER"
for _vr in "OB OD OF OL OV OW UN".split():
    TYPE_OF_VR[_vr] = None
KEYWORD_TAGS = {}
for _tag, _entry in DicomDictionary.items():
    if _entry[4]:
        KEYWORD_TAGS.setdefault(_entry[4], _tag)
for _mask, _entry in RepeatersDictionary.items():
    if _entry[4]:
        KEYWORD_TAGS.setdefault(_entry[4], int(_mask.replace("x", "0"), 16))


def tag_name(tag):
    return "Tag_%08X" % tag


def is_private(tag):
    group = tag >> 16
    return group & 1 == 1 and group > 7 and group != 0xFFFF


def dictionary_entry(tag):
    """(vrs, vm, keyword, base tag) of a standard tag, or None."""
    if is_private(tag):
        return None
    if tag in DicomDictionary:
        vr, vm, _, _, keyword = DicomDictionary[tag]
        return vr.split(" or "), vm, keyword, tag
    try:
        vr, vm, _, _, keyword = get_entry(tag)
    except KeyError:
        return None
    for mask in RepeatersDictionary:
        if RepeatersDictionary[mask][4] == keyword and keyword:
            return vr.split(" or "), vm, keyword, int(mask.replace("x", "0"), 16)
    return vr.split(" or "), vm, keyword, None


def repeating_group(tag, entry):
    """Curves (50xx) and overlays (60xx): one column per keyword, one {Id, Value} entry per group."""
    if not entry or not entry[2] or entry[3] is None:
        return False
    base = entry[3] >> 16
    return base in (0x5000, 0x6000) and (tag >> 16) & 0xFF00 == base and entry[3] & 0xFFFF == tag & 0xFFFF


def column_name(tag):
    entry = dictionary_entry(tag)
    if entry and entry[2] and (entry[3] == tag or repeating_group(tag, entry)):
        return entry[2]
    return tag_name(tag)


def rank(name):
    """Keyword columns in tag order, then Tag_ columns in tag order, then the fixed names (specification 3.1)."""
    if name in KEYWORD_TAGS:
        return (0, KEYWORD_TAGS[name], name)
    if re.fullmatch(r"Tag_[0-9A-F]{8}", name):
        return (1, int(name[4:], 16), name)
    if name in FIXED:
        return (2, FIXED.index(name), name)
    return (3, 0, name)


def field(name, type_, mode, fields=None):
    out = {"name": name, "type": type_, "mode": mode}
    if fields is not None:
        out["fields"] = fields
    return out


def pn_field(name, mode):
    return field(name, "RECORD", mode, [field(group, "RECORD", "NULLABLE",
                                              [field(c, "STRING", "NULLABLE") for c in COMPONENTS]) for group in GROUPS])


OTHER_FIELD = field("OtherElements", "RECORD", "REPEATED",
                    [field("Tag", "STRING", "NULLABLE"), field("Data", "STRING", "REPEATED")])


# ---------- values ----------

def decimal_text(x):
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    return format(Decimal(repr(float(x))).normalize(), "f")


def time_text(h, m, s, micros):
    text = "%02d:%02d:%02d" % (h, m, s)
    return text + (".%06d" % micros if micros else "")


def parse_date(text):
    if re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", text):
        text = text.replace(".", "")
    if not re.fullmatch(r"\d{8}", text):
        return None
    try:
        date = datetime.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None
    return date.isoformat()


def parse_time(text):
    m = re.fullmatch(r"(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?", text)
    if m is None:
        m = re.fullmatch(r"(\d{2})(?:(\d{2})(?:(\d{2})(?:\.(\d{1,6}))?)?)?", text)
    if m is None:
        return None
    h, mi, s = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    if h > 23 or mi > 59 or s > 59:
        return None
    micros = int((m.group(4) or "0").ljust(6, "0"))
    return time_text(h, mi, s, micros)


def parse_offset(text):
    m = re.fullmatch(r"([+-])(\d{2})(\d{2})", text)
    if m is None:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3))
    if int(m.group(3)) > 59:
        return None
    minutes = -minutes if m.group(1) == "-" else minutes
    if minutes < -720 or minutes > 840:
        return None
    return datetime.timedelta(minutes=minutes)


def parse_datetime(text, default_offset):
    m = re.fullmatch(r"(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,6}))?([+-]\d{4})?", text)
    if m is None:
        return None
    parts = m.groups()
    # each part needs the one before it; a fraction needs the seconds
    present = [p is not None for p in parts[:6]]
    if any(present[i] and not present[i - 1] for i in range(1, 6)) or (parts[6] is not None and parts[5] is None):
        return None
    offset = default_offset
    if parts[7] is not None:
        offset = parse_offset(parts[7])
        if offset is None:
            return None
    try:
        local = datetime.datetime(int(parts[0]), int(parts[1] or 1), int(parts[2] or 1), int(parts[3] or 0),
                                  int(parts[4] or 0), int(parts[5] or 0), int((parts[6] or "0").ljust(6, "0")))
    except ValueError:
        return None
    if int(parts[0]) < 1:
        return None
    try:
        utc = local - offset
    except OverflowError:
        return None
    if utc.year < 1 or utc.year > 9999:
        return None
    return "%04d-%02d-%02dT%s" % (utc.year, utc.month, utc.day,
                                  time_text(utc.hour, utc.minute, utc.second, utc.microsecond)) + "Z"


def text_values(value):
    """PS3.5 6.2: trailing spaces (and a UI's trailing NUL) of each value are padding, not content."""
    if value is None or value == "":
        return []
    if isinstance(value, (MultiValue, list, tuple)):
        return ["" if v is None else str(v).rstrip(" \0") for v in value]
    return [str(value).rstrip(" \0")]


def number_values(value):
    if value is None or value == "" or value == b"":
        return []
    if isinstance(value, (MultiValue, list, tuple)):
        return list(value)
    return [value]


def convert(values, file_vr, column_vr, type_, offset):
    """Column values, or None when one cannot be converted."""
    out = []
    for v in values:
        if isinstance(v, str):
            s = v
            if type_ == "STRING":
                out.append(s.strip() if column_vr in ("DS", "IS") else s)
            elif type_ == "INTEGER":
                if not re.fullmatch(r"[+-]?\d{1,19}", s.strip()):
                    return None
                n = int(s.strip())
                if n < -2 ** 63 or n > 2 ** 63 - 1:
                    return None
                out.append(str(n))
            elif type_ == "FLOAT":
                if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", s.strip()):
                    return None
                out.append(float(s.strip()))
            elif type_ == "DATE":
                d = parse_date(s.strip())
                if d is None:
                    return None
                out.append(d)
            elif type_ == "TIME":
                t = parse_time(s.strip())
                if t is None:
                    return None
                out.append(t)
            elif type_ == "TIMESTAMP":
                t = parse_datetime(s.strip(), offset)
                if t is None:
                    return None
                out.append(t)
            else:
                return None
        elif isinstance(v, float):
            if type_ == "FLOAT":
                out.append(v)
            elif type_ == "STRING":
                out.append(decimal_text(v))
            elif type_ == "INTEGER" and v == int(v) and abs(v) < 2 ** 63:
                out.append(str(int(v)))
            else:
                return None
        elif isinstance(v, int):
            n = int(v)
            if type_ == "INTEGER":
                if n > 2 ** 63 - 1:
                    return None  # specification 3.2: a UV above 2^63-1 is dropped
                out.append(str(n))
            elif type_ == "FLOAT":
                out.append(float(n))
            elif type_ == "STRING":
                out.append(str(n))
            else:
                return None
        else:
            return None
    return out


def split_pn(text):
    groups = text.split("=")
    if len(groups) > 3:
        return None
    record = {}
    for g, group in enumerate(groups):
        components = group.split("^")
        if len(components) > 5:
            return None
        values = {COMPONENTS[c]: comp for c, comp in enumerate(components) if comp != ""}
        if values:
            record[GROUPS[g]] = values
    return record


# ---------- walking ----------

class Walk:
    def __init__(self, offset):
        self.offset = offset
        self.dropped = []
        self.references = set()

    def drop(self, path, reference):
        """One DroppedTags entry per place: the dotted names, and the tags with item numbers (specification 3.6)."""
        if reference not in self.references:
            self.references.add(reference)
            self.dropped.append({"TagName": path, "TagReference": reference})

    def dataset(self, elements, prefix, ref, depth):
        """(values, fields) of one data set given as a list of (tag, vr, value) in tag order."""
        values, fields, others = {}, {}, []
        for tag, vr, value in elements:
            self.element(tag, vr, value, prefix, ref, depth, values, fields, others)
        if others:
            values["OtherElements"] = others
            fields["OtherElements"] = OTHER_FIELD
        return values, [fields[name] for name in sorted(fields, key=rank)]

    def element(self, tag, vr, value, prefix, ref, depth, values, fields, others):
        if tag & 0xFFFF == 0 or tag >> 16 == 0xFFFE:
            return
        reference = ref + "%08X" % tag
        if is_private(tag):
            name = tag_name(tag)
            if vr == "SQ":
                self.sequence(name, prefix + name, reference, value, depth, values, fields)
                return
            if depth + 1 > MAX_DEPTH:
                self.drop(prefix + name, reference)
                return
            if isinstance(value, bytes):
                data = [base64.b64encode(value).decode("ascii")] if value else []
            elif vr in ("FL", "FD"):
                data = [decimal_text(v) for v in number_values(value)]
            elif vr in ("SS", "US", "SL", "UL", "SV", "UV", "AT"):
                data = [str(int(v)) for v in number_values(value)]
            else:
                data = text_values(value)
            others.append({"Tag": name, "Data": data})
            return
        entry = dictionary_entry(tag)
        name = column_name(tag)
        path = prefix + name
        if (tag >> 16) & 0xFF00 == 0x7F00:
            self.drop(path, reference)  # pixel data has no column, whatever its VR
            return
        group = repeating_group(tag, entry)
        if name in fields and not group:
            self.drop(path, reference)
            return
        column_vr = vr if entry is None or vr in entry[0] else entry[0][0]
        mode = "NULLABLE" if entry is not None and entry[1] == "1" and column_vr != "SQ" else "REPEATED"
        type_ = TYPE_OF_VR.get(column_vr)
        if group:
            self.group_member(tag, vr, value, column_vr, type_, mode, name, path, reference, depth, values, fields)
        elif type_ is None:
            self.drop(path, reference)
        elif type_ == "SQ":
            self.sequence(name, path, reference, value, depth, values, fields)
        elif type_ == "PN":
            if depth + 2 > MAX_DEPTH:
                self.drop(path, reference)
                return
            fields[name] = pn_field(name, mode)
            texts = text_values(value)
            names = [split_pn(t) for t in texts]
            if any(n is None for n in names) or (mode == "NULLABLE" and len(names) > 1):
                self.drop(path, reference)
                return
            if mode == "REPEATED":
                values[name] = names
            elif names:
                values[name] = names[0]
        else:
            fields[name] = field(name, type_, mode)
            raw = number_values(value) if vr in ("FL", "FD", "SS", "US", "SL", "UL", "SV", "UV", "AT") \
                else text_values(value)
            converted = convert(raw, vr, column_vr, type_, self.offset)
            if converted is None:
                self.drop(path, reference)
            elif mode == "REPEATED":
                values[name] = converted
            elif len(converted) == 1:
                values[name] = converted[0]
            elif len(converted) > 1:
                if type_ == "STRING":
                    values[name] = "\\".join(converted)
                else:
                    self.drop(path, reference)

    def group_member(self, tag, vr, value, column_vr, type_, mode, name, path, reference, depth, values, fields):
        """specification 3.1: {Id: the group in 4 hex digits, Value} in the keyword's REPEATED RECORD column."""
        if type_ in (None, "SQ", "PN") or depth + 1 > MAX_DEPTH:
            self.drop(path, reference)
            return
        raw = number_values(value) if vr in ("FL", "FD", "SS", "US", "SL", "UL", "SV", "UV", "AT") \
            else text_values(value)
        converted = convert(raw, vr, column_vr, type_, self.offset)
        if converted is None or (mode == "NULLABLE" and len(converted) > 1 and type_ != "STRING"):
            self.drop(path, reference)
            return
        entry = {"Id": "%04X" % (tag >> 16)}
        if mode == "REPEATED":
            entry["Value"] = converted
        elif len(converted) > 1:
            entry["Value"] = "\\".join(converted)
        elif converted:
            entry["Value"] = converted[0]
        fields.setdefault(name, field(name, "RECORD", "REPEATED", [field("Id", "STRING", "NULLABLE"),
                                                                   field("Value", type_, mode)]))
        values.setdefault(name, []).append(entry)

    def sequence(self, name, path, reference, items, depth, values, fields):
        if depth + 1 > MAX_DEPTH:
            self.drop(path, reference)
            return
        rows, merged = [], {}
        for index, item in enumerate(items):
            item_values, item_fields = self.dataset(elements_of(item), path + ".", "%s[%d]." % (reference, index),
                                                    depth + 1)
            rows.append(item_values)
            for f in item_fields:
                merged[f["name"]] = merge(merged.get(f["name"]), f)
        if not merged and rows:
            self.drop(path, reference)
            return
        values[name] = rows
        if merged:
            fields[name] = field(name, "RECORD", "REPEATED", [merged[n] for n in sorted(merged, key=rank)])


def merge(a, b):
    if a is None or a == b:
        return b
    if a["type"] == "RECORD" and b["type"] == "RECORD":
        by_name = {f["name"]: f for f in a["fields"]}
        for f in b["fields"]:
            by_name[f["name"]] = merge(by_name.get(f["name"]), f)
        mode = "REPEATED" if "REPEATED" in (a["mode"], b["mode"]) else "NULLABLE"
        return field(a["name"], "RECORD", mode, [by_name[n] for n in sorted(by_name, key=rank)])
    raise ValueError("items disagree on column %s; the oracle does not model that conflict" % a["name"])


def private_vr(dataset, tag):
    """The VR the element's private creator's dictionary gives it (specification 3.2), or None."""
    creator_tag = (tag & 0xFFFF0000) | ((tag & 0xFF00) >> 8)
    if creator_tag not in dataset:
        return None
    try:
        vr = get_private_entry(tag, str(dataset[creator_tag].value).strip())[0]
    except (KeyError, ValueError):
        return None
    return None if vr == "UN" else vr


def elements_of(dataset):
    """(tag, VR, value) of each element, in tag order. Private elements of unknown VR (implicit VR, or stored
    as UN) stay UN bytes unless their creator's private dictionary (pydicom's) knows them: then pydicom reads
    them with that VR. A UN of undefined length is a sequence (PS3.5 6.2.2), which pydicom reads as one."""
    out = []
    for tag in sorted(dataset.keys()):
        raw = dataset.get_item(tag)
        if isinstance(raw, RawDataElement) and (raw.VR is None or raw.VR == "UN") and is_private(int(tag)) \
                and not (0x10 <= (int(tag) & 0xFFFF) <= 0xFF) and raw.length != 0xFFFFFFFF:
            known = private_vr(dataset, int(tag))
            element = None
            if known is not None:
                try:
                    element = dataset[tag]
                except Exception:
                    element = None
            if element is None or element.VR == "UN" or element.VR != known:
                out.append((int(tag), "UN", raw.value or b""))
                continue
        element = dataset[tag]
        value = element.value
        if element.VR == "SQ" or isinstance(value, Sequence):
            out.append((int(tag), "SQ", list(value) if value is not None else []))
            continue
        if element.VR == "PN":
            value = [str(v) for v in value] if isinstance(value, MultiValue) else (str(value) if value else "")
        out.append((int(tag), element.VR, value))
    return out


def flatten(path, source_store=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = pydicom.dcmread(path, stop_before_pixels=True, force=True)
        meta = elements_of(ds.file_meta) if getattr(ds, "file_meta", None) is not None else []
        body = elements_of(ds)
    meta_tags = {t for t, _, _ in meta}
    offset = datetime.timedelta(0)
    for tag, _, value in body:
        if tag == 0x00080201:
            parsed = parse_offset(str(value).strip()) if value else None
            offset = parsed if parsed is not None else offset
    walk = Walk(offset)
    values, fields, others = {}, {}, []
    for tag, vr, value in meta:
        walk.element(tag, vr, value, "", "", 0, values, fields, others)
    for tag, vr, value in body:
        if tag in meta_tags:
            walk.drop(column_name(tag), "%08X" % tag)
            continue
        walk.element(tag, vr, value, "", "", 0, values, fields, others)
    pixel_data = first_pixel_data(path, {tag for tag, _, _ in body})
    if pixel_data is not None:
        walk.drop(column_name(pixel_data), "%08X" % pixel_data)
    if others:
        values["OtherElements"] = others
        fields["OtherElements"] = OTHER_FIELD
    values["DroppedTags"] = walk.dropped
    fields["DroppedTags"] = field("DroppedTags", "RECORD", "REPEATED",
                                  [field("TagName", "STRING", "NULLABLE"), field("TagReference", "STRING", "NULLABLE")])
    stat = os.stat(path)
    values["Type"] = "INSERT"
    mtime = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(
        microseconds=stat.st_mtime_ns // 1000)
    values["LastUpdated"] = "%sT%sZ" % (mtime.date().isoformat(),
                                        time_text(mtime.hour, mtime.minute, mtime.second, mtime.microsecond))
    values["StorageClass"] = "STANDARD"
    values["BlobStorageSize"] = str(stat.st_size)
    for name, type_ in OPERATIONAL:
        fields[name] = field(name, type_, "NULLABLE")
    if source_store:
        values["SourceDicomStore"] = source_store
        fields["SourceDicomStore"] = field("SourceDicomStore", "STRING", "NULLABLE")
    return {"schema": [fields[n] for n in sorted(fields, key=rank)], "row": canonical(values)}


def first_pixel_data(path, read_tags):
    """The pixel data element a read that stops before pixel data stops at (7FE0,0008/0009/0010), or None."""
    try:
        full = pydicom.dcmread(path, force=True, defer_size=64)
        tags = sorted(int(t) for t in full.keys())
    except Exception:
        return None
    for tag in tags:
        if tag in (0x7FE00008, 0x7FE00009, 0x7FE00010) and tag not in read_tags:
            return tag
    return None


def canonical(value):
    """NULLs and empty arrays left out, as in dicombq's RowJson."""
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return value


def main():
    warnings.simplefilter("ignore")  # pydicom warns about invalid values while items are converted; they are data here
    args = sys.argv[1:]
    source_store = None
    if args[:1] == ["--source-store"]:
        source_store, args = args[1], args[2:]
    for path in args:
        try:
            result = {"file": path}
            result.update(flatten(path, source_store))
        except Exception as error:  # one bad file must not stop the others
            result = {"file": path, "error": type(error).__name__ + ": " + str(error)}
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
