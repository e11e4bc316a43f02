#!/usr/bin/env python3
"""Independent reference generator for the DataVault.Core hash vectors.

Written from the published rules of each hashing standard (see README.md next to this file), NOT from the C#
engine, so that the C# engine and the SQL writers are checked against a second, separate implementation.
Standard library only. Deterministic: running it twice writes byte-identical files.

    python3 tests/vectors/generate_vectors.py           # (re)write every <standard>.json next to this script
    python3 tests/vectors/generate_vectors.py --check   # exit 1 if a checked-in file differs from what it would write

Adding a standard: write a function that returns a `Standard` (rules) and add it to STANDARDS; the shared case
catalogue (`common_cases`) is run through it, plus any cases of its own (`Standard.extra_cases`).
"""

from __future__ import annotations

import argparse
import datetime
import decimal
import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

FORMAT = "datavault-hash-vectors/1"
GENERATOR = "tests/vectors/generate_vectors.py (independent Python reference, stdlib only)"
OUTPUT_DIRECTORY = Path(__file__).resolve().parent

# An input longer than this many characters is written as "input_segments" (run-length form) instead of "input".
LONG_INPUT = 200

KEY = "key"
DIFF = "diff"


class VectorError(ValueError):
    """A case is malformed or a value is outside its declared type (such cases must not be in a file)."""


# --------------------------------------------------------------------------------------------------------------
# Canonical text: one function per part type. Input: the part (a dict as written to the file). Output: the text.
# --------------------------------------------------------------------------------------------------------------

_DATE = r"(\d{4})-(\d{2})-(\d{2})"
_TIME = r"(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?"
_OFFSET = r"([+-])(\d{2}):(\d{2})"
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def _match(pattern: str, value: str, kind: str) -> re.Match:
    match = re.fullmatch(pattern, value)
    if match is None:
        raise VectorError(f"{kind} value {value!r} does not have the file's format")
    return match


def _date(y: str, m: str, d: str) -> datetime.date:
    return datetime.date(int(y), int(m), int(d))  # validates (leap days, month lengths)


def _microseconds(fraction: Optional[str]) -> int:
    """Fraction digits (up to 7) to whole microseconds, truncating (never rounding) below a microsecond."""
    return int(((fraction or "") + "000000")[:6])


def _time(h: str, mi: str, s: str, fraction: Optional[str]) -> datetime.time:
    return datetime.time(int(h), int(mi), int(s), _microseconds(fraction))


def _format_date(d: datetime.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"  # not strftime: %Y is not zero-padded for year 1 on glibc


def _format_time(t: datetime.time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}.{t.microsecond:06d}"


def canon_string(part: dict) -> str:
    return part["value"] * part.get("repeat", 1)


def canon_integer(part: dict) -> str:
    value = part["value"]
    _match(r"-?\d+", value, "integer")
    number = int(value)
    if not INT64_MIN <= number <= INT64_MAX:
        raise VectorError(f"integer {value} is outside the 64-bit range")
    return str(number)  # invariant digits, '-' for negatives, no leading zeros


def canon_decimal(part: dict) -> str:
    value, precision, scale = part["value"], part["precision"], part["scale"]
    _match(r"-?\d+(\.\d+)?", value, "decimal")
    if not (1 <= precision <= 38 and 0 <= scale <= min(precision, 28)):
        raise VectorError(f"decimal({precision},{scale}) is not a valid declaration")
    context = decimal.Context(prec=100)
    number = decimal.Decimal(value)
    scaled = number.quantize(decimal.Decimal(1).scaleb(-scale, context), context=context)
    if scaled != number:
        raise VectorError(f"{value} has more fractional digits than decimal({precision},{scale}); it would be rounded")
    if abs(int(scaled)) >= 10 ** (precision - scale):
        raise VectorError(f"{value} has more integer digits than decimal({precision},{scale}) allows")
    if scaled == 0:
        scaled = abs(scaled)  # negative zero is zero
    text = format(scaled, "f")  # plain notation, exactly `scale` fractional digits, leading 0 before the point
    assert "e" not in text.lower() and "," not in text
    return text


def canon_date(part: dict) -> str:
    return _format_date(_date(*_match(_DATE, part["value"], "date").groups()))


def canon_time(part: dict) -> str:
    return _format_time(_time(*_match(_TIME, part["value"], "time").groups()))


def canon_timestamp(part: dict) -> str:
    """A timestamp without offset is the wall clock it holds: no time-zone conversion."""
    g = _match(_DATE + "T" + _TIME, part["value"], "timestamp").groups()
    return _format_date(_date(*g[0:3])) + " " + _format_time(_time(*g[3:7]))


def canon_timestamptz(part: dict) -> str:
    """A timestamp with offset is converted to UTC first (offsets are whole minutes, so truncation commutes)."""
    g = _match(_DATE + "T" + _TIME + _OFFSET, part["value"], "timestamptz").groups()
    sign = 1 if g[7] == "+" else -1
    offset = datetime.timedelta(hours=int(g[8]), minutes=int(g[9])) * sign
    local = datetime.datetime.combine(_date(*g[0:3]), _time(*g[3:7]), datetime.timezone(offset))
    utc = local.astimezone(datetime.timezone.utc)
    return _format_date(utc.date()) + " " + _format_time(utc.time())


def canon_boolean(part: dict) -> str:
    value = part["value"]
    if value not in ("true", "false"):
        raise VectorError(f"boolean value {value!r} must be 'true' or 'false'")
    return value


def canon_guid(part: dict) -> str:
    value = part["value"]
    _match(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}", value, "guid")
    return value.lower()


def canon_binary(part: dict) -> str:
    value = part["value"]
    return bytes.fromhex(value).hex().upper()  # validates; empty data is the empty string


DEFAULT_CANONICAL: dict[str, Callable[[dict], str]] = {
    "string": canon_string,
    "integer": canon_integer,
    "decimal": canon_decimal,
    "date": canon_date,
    "time": canon_time,
    "timestamp": canon_timestamp,
    "timestamptz": canon_timestamptz,
    "boolean": canon_boolean,
    "guid": canon_guid,
    "binary": canon_binary,
}

# --------------------------------------------------------------------------------------------------------------
# Rule building blocks.
# --------------------------------------------------------------------------------------------------------------


def trim_spaces(text: str) -> str:
    """Leading and trailing U+0020 only; tabs, newlines, NBSP and other white space stay."""
    return text.strip(" ")


def keep_case(text: str) -> str:
    return text


def simple_upper(text: str) -> str:
    """The simple (one-to-one) Unicode uppercase mapping, per code point, culture-independent.

    Python's str.upper() applies the FULL mapping (SpecialCasing.txt: 'ß' -> 'SS', 'ﬀ' -> 'FF', 'ᾳ' -> 'ΑΙ').
    Where the full mapping is one code point it equals the simple mapping. Where it is several, the simple
    mapping (UnicodeData.txt field 12) is either empty (the character stays: 'ß', 'ŉ', 'ǰ', 'ﬀ', 'ΐ', ...) or,
    for the Greek letters with ypogegrammeni ('ᾳ', 'ᾀ'..'ᾧ', 'ῃ', 'ῳ'), the one-code-point titlecase form
    ('ᾼ', 'ᾈ'..'ᾯ', 'ῌ', 'ῼ') — which is exactly what str.title() gives for them.
    """
    out = []
    for c in text:
        upper = c.upper()
        if len(upper) == 1:
            out.append(upper)
            continue
        title = c.title()
        out.append(title if len(title) == 1 else c)
    return "".join(out)


def backslash_escape(text: str) -> str:
    """Inside each value: '\\' -> '\\\\', '|' -> '\\|', '^' -> '\\^' (one pass, so nothing is escaped twice)."""
    return "".join("\\" + c if c in "\\|^" else c for c in text)


# --------------------------------------------------------------------------------------------------------------
# A standard: its rules, and how a row of parts becomes the hashed input.
# --------------------------------------------------------------------------------------------------------------


# What a hash is when every part is NULL.
ALL_NULL_ZERO = "zero"  # the zero hash: every digest all zeros ("zero_key": true)
ALL_NULL_NULL = "null"  # no hash at all, SQL NULL ("null_result": true, digests null)
ALL_NULL_HASH = "hash"  # hashed like any other row


def declared_order(names: list[str]) -> list[int]:
    """Diff columns are hashed in the order they are declared."""
    return list(range(len(names)))


def jinja_sort_order(names: list[str]) -> list[int]:
    """Jinja's |sort filter with its default case_sensitive=False: `sorted(names, key=str.lower)`.

    Jinja's ignore_case() lower-cases strings with str.lower(); Python's sorted() compares the keys by code point
    and is stable, so names that are equal once lower-cased keep their declared order. '_' (U+005F) sorts after the
    digits and before the (lower-cased) letters.
    """
    return sorted(range(len(names)), key=lambda i: names[i].lower())


@dataclass(frozen=True)
class Standard:
    id: str
    description: str
    delimiter: str = "||"
    null_token: str = "^^"
    trim: Callable[[str], str] = trim_spaces
    empty_is_null: bool = True
    key_casing: Callable[[str], str] = simple_upper
    diff_casing: Callable[[str], str] = keep_case
    escape: Callable[[str], str] = backslash_escape
    # Steps applied after escaping, e.g. control-character removal (none in dv2-default-v1).
    after_escape: tuple[Callable[[str], str], ...] = ()
    # Steps applied to the whole joined string (keys / diffs), e.g. datavault4dbt's UPPER(CONCAT(...)).
    after_join_key: tuple[Callable[[str], str], ...] = ()
    after_join_diff: tuple[Callable[[str], str], ...] = ()
    all_null_key: str = ALL_NULL_ZERO
    all_null_diff: str = ALL_NULL_HASH
    omit_trailing_null_diff_parts: bool = True
    # The order in which named diff columns are hashed: a function from the declared names to indexes.
    diff_column_order: Callable[[list[str]], list[int]] = declared_order
    # How the stored hash is written ("lower-hex" or "binary"); the file always holds lower-case hex digests.
    output_form: str = "lower-hex"
    canonical: dict[str, Callable[[dict], str]] = field(default_factory=lambda: dict(DEFAULT_CANONICAL))
    # Cases only this standard has, in addition to common_cases().
    extra_cases: Callable[[], list[dict]] = lambda: []
    # Notes of common cases that would be wrong for this standard (the case name -> this standard's note).
    common_notes: dict[str, str] = field(default_factory=dict)

    def part_text(self, part: dict, purpose: str) -> Optional[str]:
        """One part: canonical text -> trim -> empty => NULL -> casing -> escape (-> after_escape). None is NULL."""
        if part["type"] == "null" or part.get("value", "") is None:
            return None
        if part["type"] not in self.canonical:
            raise VectorError(f"unknown part type {part['type']!r}")
        text = self.canonical[part["type"]](part)
        text = self.trim(text)
        if text == "" and self.empty_is_null:
            return None
        text = (self.key_casing if purpose == KEY else self.diff_casing)(text)
        text = self.escape(text)
        for step in self.after_escape:
            text = step(text)
        return text

    def hashing_order(self, purpose: str, parts: list[dict]) -> list[dict]:
        """The parts in the order they are hashed: diff parts with column names in the standard's column order."""
        named = ["column" in p for p in parts]
        if not any(named):
            return parts
        if not all(named) or purpose != DIFF:
            raise VectorError("column names belong to diff cases, and then to every part")
        return [parts[i] for i in self.diff_column_order([p["column"] for p in parts])]

    def outcome(self, purpose: str, parts: list[dict]) -> tuple[str, Optional[str]]:
        """(ALL_NULL_ZERO, None), (ALL_NULL_NULL, None), or (ALL_NULL_HASH, the exact string that is hashed)."""
        if not parts:
            raise VectorError("a case needs at least one part")
        texts = [self.part_text(p, purpose) for p in self.hashing_order(purpose, parts)]
        if all(t is None for t in texts):
            rule = self.all_null_key if purpose == KEY else self.all_null_diff
            if rule != ALL_NULL_HASH:
                return rule, None
        if purpose == DIFF and self.omit_trailing_null_diff_parts:
            while texts and texts[-1] is None:
                texts.pop()
        joined = self.delimiter.join(self.null_token if t is None else t for t in texts)
        for step in self.after_join_key if purpose == KEY else self.after_join_diff:
            joined = step(joined)
        return ALL_NULL_HASH, joined

    def hash_input(self, purpose: str, parts: list[dict]) -> Optional[str]:
        """The exact string that is hashed, or None when nothing is hashed (zero key, NULL result)."""
        return self.outcome(purpose, parts)[1]


def dv2_default_v1() -> Standard:
    return Standard(
        id="dv2-default-v1",
        description=(
            "canonical text -> trim U+0020 -> empty => NULL -> simple Unicode upper-case (keys only) -> "
            "escape \\ | ^ with \\; NULL is ^^; parts joined with ||; an all-NULL key is the zero key; "
            "trailing NULL parts are left out of diffs; UTF-8; lower-case hex."
        ),
    )


def no_escape(text: str) -> str:
    return text


def automatedv_0_11_v1() -> Standard:
    """AutomateDV 0.11.4 (PostgreSQL / Snowflake): UPPER(TRIM(CAST(x AS VARCHAR))), '' is NULL, no escaping."""
    return Standard(
        id="automatedv-0.11-v1",
        description=(
            "AutomateDV 0.11.4: canonical text -> trim U+0020 -> simple Unicode upper-case (keys and diffs) -> "
            "empty => NULL; no escaping; NULL is ^^; parts joined with ||; an all-NULL key is NULL (no hash); an "
            "all-NULL diff is hashed (^^||^^||...); trailing NULLs kept; named diff columns sorted by Jinja's |sort "
            "(lower-cased name, stable); UTF-8; MD5 stored as 16 raw bytes (the digests here are lower-case hex)."
        ),
        key_casing=simple_upper,
        diff_casing=simple_upper,
        escape=no_escape,
        all_null_key=ALL_NULL_NULL,
        all_null_diff=ALL_NULL_HASH,
        omit_trailing_null_diff_parts=False,
        diff_column_order=jinja_sort_order,
        output_form="binary",
        extra_cases=automatedv_cases,
        common_notes=AUTOMATEDV_NOTES,
    )


DV4DBT_QUOTE = "dv4dbt-quote-replacement"
DV4DBT_NULL = "dv4dbt-null-replacement"
DV4DBT_CONCAT = "dv4dbt-concat-replacement"


def dv4dbt_escape(text: str) -> str:
    """datavault4dbt 2.0 per value (after trim): every \\ doubled, then every ", ^^ and || replaced (str.replace,
    in this order, each over the result of the previous one), then the value wrapped in double quotes."""
    text = text.replace("\\", "\\\\")
    text = text.replace('"', DV4DBT_QUOTE)
    text = text.replace("^^", DV4DBT_NULL)
    text = text.replace("||", DV4DBT_CONCAT)
    return '"' + text + '"'


def remove_cr_lf_tab_vt(text: str) -> str:
    """datavault4dbt removes every CR, LF, TAB and VT from the joined string (Snowflake REGEXP_REPLACE: all matches)."""
    for c in "\r\n\t\v":
        text = text.replace(c, "")
    return text


def datavault4dbt_2_0_v1() -> Standard:
    """datavault4dbt 2.0.0 (Snowflake semantics)."""
    return Standard(
        id="datavault4dbt-2.0-v1",
        description=(
            "datavault4dbt 2.0.0 (Snowflake): canonical text -> trim U+0020 -> every \\ doubled -> every \" -> "
            "dv4dbt-quote-replacement -> every ^^ -> dv4dbt-null-replacement -> every || -> dv4dbt-concat-replacement "
            "-> wrapped in \"; '' is not NULL; NULL is a bare ^^; parts joined with || in declared order; keys: the "
            "joined string upper-cased (simple Unicode mapping), diffs as they are; CR, LF, TAB, VT removed; "
            "all-NULL keys and diffs are the zero key; trailing NULLs kept; UTF-8; MD5 lower-case hex."
        ),
        empty_is_null=False,
        key_casing=keep_case,  # keys are upper-cased as a whole, after joining
        diff_casing=keep_case,
        escape=dv4dbt_escape,
        after_join_key=(simple_upper, remove_cr_lf_tab_vt),
        after_join_diff=(remove_cr_lf_tab_vt,),
        all_null_key=ALL_NULL_ZERO,
        all_null_diff=ALL_NULL_ZERO,
        omit_trailing_null_diff_parts=False,
        diff_column_order=declared_order,
        extra_cases=datavault4dbt_cases,
        common_notes=DATAVAULT4DBT_NOTES,
    )


STANDARDS: list[Callable[[], Standard]] = [dv2_default_v1, automatedv_0_11_v1, datavault4dbt_2_0_v1]

# --------------------------------------------------------------------------------------------------------------
# The case catalogue: name, purpose, parts (as written to the file), note. Expected values are computed.
# --------------------------------------------------------------------------------------------------------------


def S(value: Optional[str], repeat: Optional[int] = None) -> dict:
    part = {"type": "string", "value": value}
    if repeat is not None:
        part["repeat"] = repeat
    return part


def NULL() -> dict:
    return {"type": "null"}


def DEC(value: Optional[str], precision: int, scale: int) -> dict:
    return {"type": "decimal", "value": value, "precision": precision, "scale": scale}


def INT(value: Optional[str]) -> dict:
    return {"type": "integer", "value": value}


def DATE(value: Optional[str]) -> dict:
    return {"type": "date", "value": value}


def TIME(value: Optional[str]) -> dict:
    return {"type": "time", "value": value}


def TS(value: Optional[str]) -> dict:
    return {"type": "timestamp", "value": value}


def TSTZ(value: Optional[str]) -> dict:
    return {"type": "timestamptz", "value": value}


def BOOL(value: Optional[str]) -> dict:
    return {"type": "boolean", "value": value}


def GUID(value: Optional[str]) -> dict:
    return {"type": "guid", "value": value}


def BIN(value: Optional[str]) -> dict:
    return {"type": "binary", "value": value}


def case(name: str, purpose: str, parts: list[dict], note: str) -> dict:
    return {"name": name, "purpose": purpose, "parts": parts, "note": note}


def both(name: str, parts: list[dict], note: str) -> list[dict]:
    """The same parts as a key and as a diff."""
    return [case(f"{name}/key", KEY, parts, note), case(f"{name}/diff", DIFF, parts, note)]


def common_cases() -> list[dict]:
    c: list[dict] = []
    # Basics.
    c += both("basic/single", [S("Cust0001")], "one part")
    c += both("basic/composite", [S("DE"), S("Cust0001"), S("42")], "parts joined with the delimiter in declared order")
    c += both("basic/many-parts", [S(str(i)) for i in range(1, 11)], "ten parts")
    # NULL handling.
    c += both("null/first", [NULL(), S("a"), S("b")], "a NULL part becomes the NULL token")
    c += both("null/middle", [S("a"), NULL(), S("b")], "a NULL part becomes the NULL token")
    c += both("null/last", [S("a"), S("b"), NULL()], "keys keep trailing NULL parts; diffs leave them out")
    c += both("null/all-of-three", [NULL(), NULL(), NULL()], "all-NULL key: the zero key; all-NULL diff: hash of the empty string")
    c += both("null/single", [NULL()], "one NULL part")
    c += both("null/all-typed", [DATE(None), DEC(None, 10, 2), S(None), GUID(None)], "typed NULLs (value null) are NULL like {type: null}")
    c += both("null/typed-middle", [S("a"), DEC(None, 10, 2), DATE("2024-01-01")], "a typed NULL in the middle")
    c += both("null/typed-trailing", [S("a"), DATE(None), INT(None)], "typed NULLs at the end")
    c.append(case("null/trailing-several/diff", DIFF, [S("a"), NULL(), S(""), S("   ")], "NULL, empty and space-only trailing parts are all left out"))
    c.append(case("null/trailing-after-inner/diff", DIFF, [S("a"), NULL(), S("b"), NULL(), NULL()], "inner NULLs stay, trailing ones go"))
    c.append(case("null/leading-only-value/diff", DIFF, [NULL(), NULL(), S("x")], "leading NULLs are never left out"))
    # Empty and space-only strings.
    c += both("empty/string", [S("a"), S("")], "an empty string counts as NULL")
    c += both("empty/only", [S("")], "a key of one empty string is the zero key")
    c += both("empty/spaces-only", [S("   ")], "space-only trims to empty, which counts as NULL")
    c += both("empty/spaces-middle", [S("a"), S("   "), S("b")], "space-only in the middle is NULL")
    c += both("empty/binary", [S("a"), BIN("")], "empty binary data is empty text, so NULL")
    # Trimming.
    c += both("trim/leading-trailing-spaces", [S("  Cust  0001  ")], "leading and trailing U+0020 trimmed, inner spaces kept")
    c += both("trim/tabs", [S("\tabc\t")], "tabs are not trimmed")
    c += both("trim/newlines", [S(" \r\n abc \n ")], "only the spaces at the very ends are trimmed; CR/LF stay")
    c += both("trim/nbsp", [S("\u00a0abc\u00a0")], "NO-BREAK SPACE U+00A0 is not trimmed")
    c += both("trim/ideographic-space", [S("\u3000abc\u3000")], "IDEOGRAPHIC SPACE U+3000 is not trimmed")
    c += both("trim/space-then-nbsp", [S(" \u00a0 ")], "trims to NBSP, which is not empty")
    # Escaping.
    c += both("escape/pipe-end-of-first", [S("a|"), S("b")], "must differ from escape/pipe-start-of-second")
    c += both("escape/pipe-start-of-second", [S("a"), S("|b")], "must differ from escape/pipe-end-of-first")
    c += both("escape/value-equal-to-null-token", [S("^^")], "a value '^^' is not NULL")
    c += both("escape/backslash", [S("a\\b")], "a backslash is doubled")
    c += both("escape/backslash-end-of-first", [S("a\\"), S("b")], "a trailing backslash cannot escape the delimiter")
    c += both("escape/backslash-start-of-second", [S("a"), S("\\b")], "must differ from escape/backslash-end-of-first")
    c += both("escape/delimiter-inside", [S("a||b")], "must differ from basic two parts a, b")
    c += both("escape/caret", [S("x^y")], "a single caret is escaped")
    c += both("escape/all-specials", [S("\\|^")], "each special character escaped once")
    c += both("escape/spaces-around-pipe", [S(" | ")], "trim first, then escape")
    c += both("escape/escaped-looking-text", [S("\\|"), S("\\^\\^")], "text that looks escaped is escaped again")
    # Non-ASCII and casing.
    c += both("unicode/latin-accents", [S("café Noël")], "é -> É")
    c += both("unicode/sharp-s", [S("Straße")], "simple mapping: ß stays ß (full mapping would give SS)")
    c += both("unicode/capital-dotted-i", [S("İstanbul")], "U+0130 is its own uppercase")
    c.append(case("unicode/dotless-i/key", KEY, [S("ıi")], "U+0131 dotless i -> I (simple mapping, no Turkish rules)"))
    c.append(case("unicode/long-s/key", KEY, [S("ſ")], "U+017F long s -> S"))
    c.append(case("unicode/micro-sign/key", KEY, [S("µ")], "U+00B5 micro sign -> U+039C GREEK CAPITAL MU"))
    c.append(case("unicode/y-diaeresis/key", KEY, [S("ÿ")], "U+00FF -> U+0178, outside Latin-1"))
    c.append(case("unicode/no-simple-uppercase/key", KEY, [S("ŉǰﬀ")], "characters whose uppercase is several code points stay unchanged"))
    c.append(case("unicode/titlecase-digraph/key", KEY, [S("ǅǆ")], "U+01C5 and U+01C6 -> U+01C4"))
    c.append(case("unicode/greek-ypogegrammeni/key", KEY, [S("ᾳᾀ")], "simple mapping: U+1FB3 -> U+1FBC, U+1F80 -> U+1F88 (full mapping would give two letters each)"))
    c += both("unicode/greek", [S("Καλημέρα κόσμε ς")], "Greek, with accents and final sigma -> Σ")
    c += both("unicode/cyrillic", [S("Привет мир")], "Cyrillic")
    c += both("unicode/cjk", [S("数据仓库")], "CJK has no case")
    c += both("unicode/emoji", [S("😀")], "a character outside the BMP (4 UTF-8 bytes)")
    c += both("unicode/emoji-mixed-case", [S("😀 Smile 😀")], "only the letters change case")
    c.append(case("unicode/deseret/key", KEY, [S("𐐨𐐩")], "case mapping outside the BMP: U+10428 -> U+10400"))
    c += both("unicode/combining-mark", [S("e\u0301")], "no normalisation: e + COMBINING ACUTE stays two code points")
    # Typed values.
    c += both("decimal/scale-padding", [DEC("19.9", 10, 2)], "19.9 as decimal(10,2) -> 19.90")
    c += both("decimal/negative-zero", [DEC("-0.00", 10, 2)], "negative zero -> 0.00")
    c.append(case("decimal/half-scale-1/diff", DIFF, [DEC("0.5", 3, 1)], "leading 0 before the point"))
    c.append(case("decimal/half-scale-2/diff", DIFF, [DEC("0.5", 10, 2)], "0.5 as decimal(10,2) -> 0.50"))
    c += both("decimal/negative", [DEC("-123.45", 5, 2)], "'-' for negatives")
    c.append(case("decimal/negative-fraction/diff", DIFF, [DEC("-0.05", 4, 2)], "-0.05, leading 0 kept"))
    c += both("decimal/zero-scale-0", [DEC("0", 1, 0)], "no decimal point at scale 0")
    c.append(case("decimal/large/diff", DIFF, [DEC("12345678.12", 10, 2)], "no group separators"))
    c.append(case("decimal/trailing-zeros/diff", DIFF, [DEC("1.5000", 6, 2)], "1.5000 has the value 1.5, which fits scale 2 -> 1.50"))
    c.append(case("decimal/29-digits/diff", DIFF, [DEC("79228162514264337593543950335", 38, 0)], "the largest System.Decimal"))
    c.append(case("decimal/smallest-fraction/diff", DIFF, [DEC("0.0000000000000000000000000001", 28, 28)], "scale 28"))
    c += both("integer/zero", [INT("0")], "0")
    c += both("integer/negative-one", [INT("-1")], "-1")
    c.append(case("integer/max/key", KEY, [INT("9223372036854775807")], "long.MaxValue"))
    c.append(case("integer/min/diff", DIFF, [INT("-9223372036854775808")], "long.MinValue"))
    c += both("date/leap-day", [DATE("2024-02-29")], "yyyy-MM-dd")
    c += both("date/year-0001", [DATE("0001-01-01")], "four-digit year, zero-padded")
    c.append(case("date/max/diff", DIFF, [DATE("9999-12-31")], "largest date"))
    c += both("time/seven-digits", [TIME("13:45:07.1234567")], "the 7th fractional digit is truncated")
    c.append(case("time/truncate-not-round/diff", DIFF, [TIME("23:59:59.9999999")], "truncated, not rounded up to midnight"))
    c.append(case("time/midnight/diff", DIFF, [TIME("00:00:00")], "always six fractional digits"))
    c += both("timestamp/seven-digits", [TS("2024-02-29T13:45:07.1234567")], "yyyy-MM-dd HH:mm:ss.ffffff, wall clock, no conversion")
    c.append(case("timestamp/year-0001/key", KEY, [TS("0001-01-01T00:00:00")], "smallest timestamp"))
    c.append(case("timestamp/truncate-not-round/diff", DIFF, [TS("9999-12-31T23:59:59.9999999")], "largest timestamp, truncated"))
    c += both("timestamptz/positive-offset", [TSTZ("2024-02-29T23:45:07.123456+02:00")], "converted to UTC first")
    c.append(case("timestamptz/negative-offset-next-day/key", KEY, [TSTZ("2024-02-29T22:30:00-05:00")], "UTC is the next day (1 March)"))
    c.append(case("timestamptz/positive-offset-previous-day/diff", DIFF, [TSTZ("2024-03-01T00:30:00+01:00")], "UTC is the previous day (leap day)"))
    c.append(case("timestamptz/quarter-hour-offset/diff", DIFF, [TSTZ("2024-03-01T00:15:00+05:45")], "a +05:45 offset"))
    c.append(case("timestamptz/utc-seven-digits/diff", DIFF, [TSTZ("2024-02-29T12:00:00.9999999+00:00")], "truncated, not rounded"))
    c += both("boolean/true", [BOOL("true")], "true; upper-cased in keys like any text")
    c += both("boolean/false", [BOOL("false")], "false; upper-cased in keys like any text")
    c += both("guid/upper-case-input", [GUID("6F9619FF-8B86-D011-B42D-00C04FC964FF")], "canonical lower-case 8-4-4-4-12; keys then upper-case it")
    c.append(case("guid/lower-case-input/diff", DIFF, [GUID("00000000-0000-0000-0000-000000000001")], "lower-case 8-4-4-4-12"))
    c += both("binary/bytes", [BIN("00ff10ab")], "upper-case hex")
    c.append(case("binary/deadbeef/diff", DIFF, [BIN("DEADBEEF")], "upper-case hex"))
    c.append(case("mixed/typed-key/key", KEY, [INT("42"), DATE("2024-02-29"), GUID("6f9619ff-8b86-d011-b42d-00c04fc964ff"), S(" de ")], "a composite key of typed parts"))
    c.append(case("mixed/typed-row/diff", DIFF, [
        S(" Alice "), DATE("1990-07-15"), DEC("1234.5", 12, 2), INT("-7"), BOOL("false"), NULL(),
        TS("2024-02-29T13:45:07.1234567"), TSTZ("2024-02-29T23:45:07.123456+02:00"), TIME("08:00:00"),
        GUID("6F9619FF-8B86-D011-B42D-00C04FC964FF"), BIN("0A0B"), S(None),
    ], "every type in one diff, with an inner and a trailing NULL"))
    # Long inputs: past the 256-byte stack buffer, the 1 KiB managed-MD5 limit, and MD5 block boundaries.
    c.append(case("long/3000-chars/key", KEY, [S("abc", 1000)], "3,000 characters"))
    c.append(case("long/70000-chars/diff", DIFF, [S("ab", 35000)], "70,000 characters"))
    c.append(case("long/escaped/key", KEY, [S("a|", 2000)], "escaping grows 4,000 characters to 6,000"))
    c.append(case("long/multibyte/key", KEY, [S("é", 1500)], "1,500 characters, 3,000 UTF-8 bytes"))
    c.append(case("long/emoji-across-256-bytes/key", KEY, [S("a", 250), S("😀😀")], "a 4-byte character crosses the 256-byte mark"))
    c.append(case("long/several-parts/diff", DIFF, [S("x", 200), S("y", 200), S("z", 200), NULL()], "the buffer grows between parts"))
    for length in (55, 56, 57, 63, 64, 65, 119, 120, 255, 256, 257, 1023, 1024, 1025):
        c.append(case(f"length/{length:04d}-bytes/diff", DIFF, [S("q", length)], f"an input of exactly {length} bytes"))
    return c


# --------------------------------------------------------------------------------------------------------------
# Preset standards: cases of their own, and notes of common cases that say something else for them.
# --------------------------------------------------------------------------------------------------------------


def COL(column: str, part: dict) -> dict:
    """A diff part with its column name: the standard decides the hashing order from the names."""
    return {**part, "column": column}


def _notes(pairs: dict[str, str]) -> dict[str, str]:
    """Expands 'group/what' (no purpose) to both 'group/what/key' and 'group/what/diff'."""
    out: dict[str, str] = {}
    for name, note in pairs.items():
        if name.endswith("/key") or name.endswith("/diff"):
            out[name] = note
        else:
            out[f"{name}/key"] = note
            out[f"{name}/diff"] = note
    return out


def column_order_cases(order: Callable[[list[str]], list[int]], rule: str) -> list[dict]:
    """Diff cases whose declared column order is not their sorted order; the note names the hashing order."""
    specs = [
        ("diff-order/reversed", [COL("c", S("3")), COL("b", S("2")), COL("a", S("1"))], "declared c, b, a"),
        ("diff-order/underscore-before-letters", [COL("CUSTOMERID", S("42")), COL("CUSTOMER_NAME", S("Alice"))],
         "lower-cased, '_' (U+005F) sorts before letters: customer_name < customerid (a case-sensitive sort gives the opposite)"),
        ("diff-order/mixed-case", [COL("Zeta", S("z")), COL("alpha", S("a")), COL("Beta", S("b"))],
         "case-insensitive: alpha < Beta < Zeta (a case-sensitive sort gives Beta, Zeta, alpha)"),
        ("diff-order/digits-and-underscore", [COL("col_2", S("u2")), COL("col10", S("10")), COL("col_1", S("u1")), COL("col1", S("1"))],
         "ordinal, not natural: col1 < col10 < col_1 < col_2 (digits before '_')"),
        ("diff-order/case-tie", [COL("NAME", S("upper")), COL("name", S("lower")), COL("a", S("x"))],
         "NAME and name are equal once lower-cased: a stable sort keeps their declared order"),
        ("diff-order/nulls", [COL("z_col", S("z")), COL("b_col", S("")), COL("a_col", NULL()), COL("m_col", DATE(None))],
         "NULL and empty values move with their columns"),
        ("diff-order/all-null", [COL("b", NULL()), COL("a", S(None))], "every named column NULL"),
        ("diff-order/typed", [COL("load_amount", DEC("19.9", 10, 2)), COL("Customer_Name", S(" Alice ")),
                              COL("BIRTH_DATE", DATE("1990-07-15")), COL("is_active", BOOL("true"))], "typed values"),
    ]
    out = []
    for name, parts, what in specs:
        names = [p["column"] for p in parts]
        hashed = ", ".join(names[i] for i in order(names))
        out.append(case(f"{name}/diff", DIFF, parts, f"{what}; {rule}: hashed as {hashed}"))
    return out


AUTOMATEDV_NOTES = _notes({
    "null/last": "trailing NULL parts are kept, in keys and diffs",
    "null/all-of-three/key": "all-NULL key: NULL (no hash)",
    "null/all-of-three/diff": "all-NULL diff: hashed, MD5('^^||^^||^^') = 3c92e664b39d90428dbc94975b5dda58 (AutomateDV's documented value)",
    "null/single/key": "a key of one NULL part is NULL (no hash)",
    "null/all-typed/key": "typed NULLs are NULL like {type: null}: the key is NULL (no hash)",
    "null/all-typed/diff": "typed NULLs are NULL like {type: null}: the diff is still hashed",
    "null/trailing-several/diff": "NULL, empty and space-only trailing parts all become ^^ and are kept",
    "null/trailing-after-inner/diff": "inner and trailing NULLs are all kept",
    "null/typed-trailing": "typed NULLs at the end are kept",
    "empty/string": "an empty string counts as NULL (^^)",
    "empty/only/key": "a key of one empty string is NULL (no hash)",
    "empty/only/diff": "an empty string counts as NULL: the diff is MD5('^^')",
    "empty/spaces-only/key": "space-only trims to empty, which counts as NULL: the key is NULL (no hash)",
    "empty/spaces-only/diff": "space-only trims to empty, which counts as NULL: the diff is MD5('^^')",
    "escape/pipe-end-of-first": "no escaping: the same input as escape/pipe-start-of-second (AutomateDV's collision)",
    "escape/pipe-start-of-second": "no escaping: the same input as escape/pipe-end-of-first (AutomateDV's collision)",
    "escape/value-equal-to-null-token/key": "no escaping: a value '^^' is hashed as '^^' (a NULL key is NULL)",
    "escape/value-equal-to-null-token/diff": "no escaping: a value '^^' gives the same input as null/single/diff (AutomateDV's collision)",
    "escape/backslash": "no escaping: the backslash stays single",
    "escape/backslash-end-of-first": "no escaping: the backslash stays as it is",
    "escape/delimiter-inside": "no escaping: the same input as the two parts a, b (automatedv/collision/two-parts; AutomateDV's collision)",
    "escape/caret": "no escaping: the caret stays",
    "escape/all-specials": "no escaping: the text stays as it is",
    "escape/spaces-around-pipe": "trimmed; no escaping",
    "escape/escaped-looking-text": "no escaping: the text stays as it is",
    "unicode/latin-accents": "é -> É, in keys and diffs",
    "unicode/sharp-s": "simple mapping: ß stays ß (full mapping would give SS), in keys and diffs",
    "unicode/greek": "Greek, with accents and final sigma -> Σ, in keys and diffs",
    "boolean/true": "true; upper-cased in keys and diffs like any text",
    "boolean/false": "false; upper-cased in keys and diffs like any text",
    "guid/upper-case-input": "canonical lower-case 8-4-4-4-12, then upper-cased in keys and diffs",
    "guid/lower-case-input/diff": "canonical lower-case 8-4-4-4-12, then upper-cased (diffs too)",
    "mixed/typed-row/diff": "every type in one diff, upper-cased, with an inner and a trailing NULL (both kept)",
    "long/escaped/key": "no escaping: 4,000 characters stay 4,000",
    "long/several-parts/diff": "the buffer grows between parts; the trailing NULL is kept",
})


def automatedv_cases() -> list[dict]:
    c = column_order_cases(jinja_sort_order, "AutomateDV sorts hash-diff columns with Jinja's |sort")
    c.append(case("automatedv/collision/two-parts/key", KEY, [S("a"), S("b")], "the same input as escape/delimiter-inside/key (no escaping)"))
    c.append(case("automatedv/all-null-two/diff", DIFF, [NULL(), NULL()], "an all-NULL diff is hashed: MD5('^^||^^')"))
    c.append(case("automatedv/empty-and-spaces/diff", DIFF, [S(""), S("   "), NULL()], "empty and space-only are NULL: the same input as null/all-of-three/diff"))
    c.append(case("automatedv/empty-and-spaces/key", KEY, [S(""), S("   "), NULL()], "empty and space-only are NULL, so every part is: the key is NULL (no hash)"))
    c.append(case("automatedv/leading-null/key", KEY, [NULL(), S("a")], "one non-NULL part is enough for a key to be hashed"))
    c.append(case("automatedv/trailing-nulls/diff", DIFF, [S("a"), NULL(), S(None)], "trailing NULLs are kept in diffs"))
    c.append(case("automatedv/diff-upper-case/diff", DIFF, [S("Alice"), S("straße"), GUID("6f9619ff-8b86-d011-b42d-00c04fc964ff"), BOOL("true")],
                  "diffs are upper-cased like keys (hash_content_casing: upper)"))
    c.append(case("automatedv/control-characters-kept/key", KEY, [S("a\tb\r\nc")], "no control-character removal: TAB, CR, LF stay"))
    c.append(case("automatedv/quote/key", KEY, [S('say "hi"')], "quotes are not special"))
    return c


DATAVAULT4DBT_NOTES = _notes({
    "null/last": "trailing NULL parts are kept, in keys and diffs",
    "null/all-of-three": "all-NULL key and all-NULL diff: the zero key",
    "null/single": "one NULL part: the zero key (keys and diffs)",
    "null/all-typed": "typed NULLs are NULL like {type: null}: the zero key (keys and diffs)",
    "null/trailing-several/diff": "empty and space-only strings are \"\", not NULL; trailing parts are kept",
    "null/trailing-after-inner/diff": "inner and trailing NULLs are all kept",
    "null/typed-trailing": "typed NULLs at the end are kept",
    "empty/string": "an empty string is \"\", not NULL",
    "empty/only": "an empty string is \"\", not NULL: hashed, not the zero key",
    "empty/spaces-only": "space-only trims to \"\", which is not NULL",
    "empty/spaces-middle": "space-only in the middle trims to \"\", which is not NULL",
    "empty/binary": "empty binary data is empty text: \"\", not NULL",
    "trim/tabs": "tabs are not trimmed, but removed afterwards (CR, LF, TAB, VT removal)",
    "trim/newlines": "only the spaces at the very ends are trimmed; CR/LF are then removed, the inner spaces stay",
    "escape/value-equal-to-null-token": "'^^' inside a value -> dv4dbt-null-replacement, so it is not NULL",
    "escape/backslash-end-of-first": "the backslash is doubled; the value is quoted",
    "escape/delimiter-inside": "'||' inside a value -> dv4dbt-concat-replacement; differs from the two parts a, b",
    "escape/caret": "a single caret stays (only ^^ is replaced)",
    "escape/all-specials": "the backslash is doubled; a single | and ^ stay",
    "escape/spaces-around-pipe": "trim first, then quote; a single | stays",
    "escape/escaped-looking-text": "backslashes are doubled again; single | and ^ stay",
    "long/escaped/key": "a single | is not replaced: 4,000 characters plus the two quotes",
})


def datavault4dbt_cases() -> list[dict]:
    c = column_order_cases(declared_order, "datavault4dbt keeps the declared order")
    # The examples of docs/hashing.md.
    c.append(case("dv4dbt/docs/single/key", KEY, [S("cust1")], "docs/hashing.md: MD5 02df328662687857529c38de64f8d030"))
    c.append(case("dv4dbt/docs/composite/key", KEY, [S(" Cust1 "), NULL(), S("a||b")], "docs/hashing.md: MD5 0f0645f10e0a16cef9331d6bafac4357"))
    c.append(case("dv4dbt/docs/empty-spaces-null/key", KEY, [S(""), S("  "), NULL()], "docs/hashing.md: MD5 3428f2f48afe781bd497588fc142c327"))
    # Quotes and replacements.
    c += both("dv4dbt/quote/inside", [S('say "hi"')], "every \" -> dv4dbt-quote-replacement (upper-case in keys: the whole string is upper-cased)")
    c += both("dv4dbt/quote/only", [S('"')], "a lone quote")
    c += both("dv4dbt/quote/several", [S('"a" "b"')], "every quote is replaced (Snowflake; datavault4dbt's PostgreSQL adapter replaces only the first)")
    c += both("dv4dbt/backslash/several", [S("a\\\\b\\c")], "every backslash is doubled (Snowflake; datavault4dbt's PostgreSQL adapter doubles only the first)")
    c += both("dv4dbt/backslash-then-quote", [S('\\"')], "the backslash is doubled before the quote is replaced")
    c += both("dv4dbt/null-token/three-carets", [S("^^^")], "non-overlapping, left to right: ^^ replaced, one ^ left")
    c += both("dv4dbt/null-token/four-carets", [S("^^^^")], "two replacements")
    c += both("dv4dbt/concat/three-pipes", [S("|||")], "non-overlapping, left to right: || replaced, one | left")
    c += both("dv4dbt/every-replacement", [S(' \\"^^|| ')], "trimmed, then \\ doubled, \" ^^ || replaced, in that order")
    c += both("dv4dbt/single-specials-stay", [S("a|b^c")], "single | and ^ are not replaced")
    c += both("dv4dbt/collision/replacement-token-value", [S("dv4dbt-null-replacement")], "the same input as escape/value-equal-to-null-token (datavault4dbt's collision)")
    c += both("dv4dbt/empty-then-null", [S(""), NULL()], "\"\" is a value, ^^ is NULL")
    # Control characters: removed from the joined string, after trimming, replacing and quoting.
    c += both("dv4dbt/control/all-four", [S("a\tb\nc\rd\ve")], "TAB, LF, CR and VT are removed")
    c += both("dv4dbt/control/tab-only", [S("\t")], "a tab alone is not trimmed and not NULL: it becomes \"\"")
    c += both("dv4dbt/control/others-kept", [S("a\fb\u0085c\u2028d")], "FF, NEL and LINE SEPARATOR are not removed")
    c += both("dv4dbt/control/repeated", [S("a\t\tb\n\nc")], "every occurrence is removed (Snowflake; datavault4dbt's PostgreSQL adapter removes only the first)")
    c += both("dv4dbt/control/makes-null-token", [S("^\n^")], "removal comes after the replacements: the input holds ^^ inside the quotes")
    c += both("dv4dbt/control/makes-delimiter", [S("a|\t|b")], "removal comes after the replacements: the input holds || inside the quotes")
    c += both("dv4dbt/control/trim-before-removal", [S(" \t x \t ")], "trimmed first (the tabs stop it), then the tabs removed: the inner spaces stay")
    c += both("dv4dbt/control/several-parts", [S("a\n"), S("\tb"), NULL()], "removed in every part")
    # Long inputs.
    c.append(case("dv4dbt/long/backslashes/key", KEY, [S("\\", 150)], "150 backslashes doubled to 300, past the 256-byte stack buffer"))
    c.append(case("dv4dbt/long/tabs/diff", DIFF, [S("a\t", 200)], "400 characters, 200 after the tabs are removed"))
    return c


# --------------------------------------------------------------------------------------------------------------
# Output.
# --------------------------------------------------------------------------------------------------------------


def segments(text: str) -> list[dict]:
    """Run-length form of a long input: literal runs and {value, repeat} runs of a unit of 1 to 8 characters."""
    out: list[dict] = []
    literal: list[str] = []
    i, n = 0, len(text)
    while i < n:
        best_length, best_unit, best_count = 0, 0, 0
        for unit in range(1, 9):
            if i + 2 * unit > n:
                break
            piece = text[i:i + unit]
            count = 1
            while text.startswith(piece, i + count * unit):
                count += 1
            if count >= 2 and count * unit > best_length:
                best_length, best_unit, best_count = count * unit, unit, count
        if best_length >= 32:
            if literal:
                out.append({"value": "".join(literal)})
                literal = []
            out.append({"value": text[i:i + best_unit], "repeat": best_count})
            i += best_length
        else:
            literal.append(text[i])
            i += 1
    if literal:
        out.append({"value": "".join(literal)})
    assert "".join(s["value"] * s.get("repeat", 1) for s in out) == text
    return out


def zero_digest(hex_length: int) -> str:
    return "0" * hex_length


def expected(standard: Standard, spec: dict) -> dict:
    kind, text = standard.outcome(spec["purpose"], spec["parts"])
    note = standard.common_notes.get(spec["name"], spec["note"])
    result = {"name": spec["name"], "purpose": spec["purpose"], "note": note, "parts": spec["parts"]}
    if kind == ALL_NULL_ZERO:
        result.update({"input": None, "zero_key": True,
                       "md5": zero_digest(32), "sha1": zero_digest(40), "sha256": zero_digest(64)})
        return result
    if kind == ALL_NULL_NULL:
        result.update({"input": None, "zero_key": False, "null_result": True, "md5": None, "sha1": None, "sha256": None})
        return result
    assert kind == ALL_NULL_HASH and text is not None
    data = text.encode("utf-8")  # strict: a lone surrogate would fail here
    if len(text) > LONG_INPUT:
        result.update({"input": None, "input_segments": segments(text)})
    else:
        result.update({"input": text, "input_utf8_hex": data.hex()})
    result.update({
        "input_utf8_length": len(data),
        "zero_key": False,
        "md5": hashlib.md5(data).hexdigest(),
        "sha1": hashlib.sha1(data).hexdigest(),
        "sha256": hashlib.sha256(data).hexdigest(),
    })
    return result


def _visible(c: str) -> str:
    code = ord(c)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _needs_escape(c: str) -> bool:
    """Invisible or confusable characters are written as \\uXXXX; letters, CJK and emoji stay readable."""
    category = unicodedata.category(c)
    # json.dumps has already escaped control characters inside strings; a raw "\n" is the indentation's.
    return c not in " \n" and (category[0] in ("C", "Z") or category in ("Mn", "Me"))


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def to_json(document: dict) -> str:
    """Indented JSON with one line per case field and one line per part or segment."""
    lines = ["{"]
    for key, value in document.items():
        if key != "cases":
            lines.append(f"  {_compact(key)}: {_compact(value)},")
    lines.append('  "cases": [')
    for i, item in enumerate(document["cases"]):
        lines.append("    {")
        fields = list(item.items())
        for j, (key, value) in enumerate(fields):
            comma = "," if j < len(fields) - 1 else ""
            if isinstance(value, list):
                lines.append(f"      {_compact(key)}: [")
                lines.extend(f"        {_compact(v)}{',' if k < len(value) - 1 else ''}" for k, v in enumerate(value))
                lines.append(f"      ]{comma}")
            else:
                lines.append(f"      {_compact(key)}: {_compact(value)}{comma}")
        lines.append("    }" + ("," if i < len(document["cases"]) - 1 else ""))
    lines.append("  ]")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    assert json.loads(text) == document
    return "".join(_visible(c) if _needs_escape(c) else c for c in text)


def build(standard: Standard) -> dict:
    specs = common_cases() + standard.extra_cases()
    names = [s["name"] for s in specs]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise VectorError(f"duplicate case names: {duplicates}")
    unknown_notes = sorted(set(standard.common_notes) - set(names))
    if unknown_notes:
        raise VectorError(f"{standard.id}: notes for cases that do not exist: {unknown_notes}")
    cases = [expected(standard, s) for s in sorted(specs, key=lambda s: s["name"])]
    document = {
        "format": FORMAT,
        "standard": standard.id,
        "description": standard.description,
        "generator": GENERATOR,
    }
    if standard.output_form != "lower-hex":
        document["output_form"] = standard.output_form  # absent: the stored form is lower-case hex
    document["cases"] = cases
    return document


def self_check() -> None:
    """Spot checks of the reference itself against values worked out by hand from the rules."""
    std = dv2_default_v1()
    assert simple_upper("ßŉǰﬀ") == "ßŉǰﬀ"
    assert simple_upper("ǅǆıéİᾳᾀ𐐨µſ") == "ǄǄIÉİᾼᾈ𐐀ΜS"
    assert std.hash_input(KEY, [S(" cust0001 ")]) == "CUST0001"
    assert std.hash_input(KEY, [S("a|"), S("b")]) == "A\\|||B"
    assert std.hash_input(KEY, [S("a"), S("|b")]) == "A||\\|B"
    assert std.hash_input(KEY, [NULL(), S("  ")]) is None
    assert std.hash_input(DIFF, [S("a"), NULL(), S("")]) == "a"
    assert std.hash_input(DIFF, [NULL()]) == ""
    assert canon_decimal(DEC("19.9", 10, 2)) == "19.90"
    assert canon_decimal(DEC("-0.00", 10, 2)) == "0.00"
    assert canon_decimal(DEC("0", 1, 0)) == "0"
    for bad in (DEC("1.234", 10, 2), DEC("123456789.1", 10, 2)):
        try:
            canon_decimal(bad)
        except VectorError:
            pass
        else:
            raise AssertionError(f"{bad} should be rejected")
    assert canon_time(TIME("23:59:59.9999999")) == "23:59:59.999999"
    assert canon_timestamptz(TSTZ("2024-02-29T23:45:07.123456+02:00")) == "2024-02-29 21:45:07.123456"
    assert canon_timestamptz(TSTZ("2024-02-29T22:30:00-05:00")) == "2024-03-01 03:30:00.000000"
    assert hashlib.md5(b"").hexdigest() == "d41d8cd98f00b204e9800998ecf8427e"
    # AutomateDV 0.11.4: values from its documentation and worked out by hand.
    adv = automatedv_0_11_v1()
    assert adv.outcome(KEY, [NULL(), S("  ")]) == (ALL_NULL_NULL, None)
    assert adv.hash_input(DIFF, [NULL(), NULL(), NULL()]) == "^^||^^||^^"
    assert hashlib.md5(b"^^||^^||^^").hexdigest() == "3c92e664b39d90428dbc94975b5dda58"
    assert adv.hash_input(DIFF, [S(" a|b "), S(""), NULL()]) == "A|B||^^||^^"
    assert adv.hash_input(DIFF, [COL("b", S("x")), COL("A", S("y")), COL("_c", S("z")), COL("a", S("w"))]) == "Z||Y||W||X"
    assert jinja_sort_order(["CUSTOMERID", "CUSTOMER_NAME", "Zeta", "alpha"]) == [3, 1, 0, 2]
    # datavault4dbt 2.0.0: the examples of docs/hashing.md and hand-worked values.
    d4 = datavault4dbt_2_0_v1()
    assert d4.hash_input(KEY, [S(" Cust1 "), NULL(), S("a||b")]) == '"CUST1"||^^||"ADV4DBT-CONCAT-REPLACEMENTB"'
    assert hashlib.md5(b'"CUST1"||^^||"ADV4DBT-CONCAT-REPLACEMENTB"').hexdigest() == "0f0645f10e0a16cef9331d6bafac4357"
    assert hashlib.md5(b'"CUST1"').hexdigest() == "02df328662687857529c38de64f8d030"
    assert d4.hash_input(KEY, [S(""), S("  "), NULL()]) == '""||""||^^'
    assert hashlib.md5(b'""||""||^^').hexdigest() == "3428f2f48afe781bd497588fc142c327"
    assert d4.outcome(DIFF, [NULL(), S(None)]) == (ALL_NULL_ZERO, None)
    assert d4.hash_input(DIFF, [S('a\\"^^^|||\tb')]) == '"a\\\\dv4dbt-quote-replacementdv4dbt-null-replacement^dv4dbt-concat-replacement|b"'
    assert d4.hash_input(DIFF, [S("^\n^"), S(None)]) == '"^^"||^^'


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the checked-in files; exit 1 on a difference")
    parser.add_argument("--output", type=Path, default=OUTPUT_DIRECTORY, help="where the files go (default: next to this script)")
    args = parser.parse_args()
    self_check()
    stale = []
    for make in STANDARDS:
        standard = make()
        content = to_json(build(standard))
        path = args.output / f"{standard.id}.json"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                stale.append(path)
            continue
        path.write_text(content, encoding="utf-8", newline="\n")
        count = len(json.loads(content)["cases"])
        print(f"wrote {path} ({count} cases)")
    if stale:
        print("out of date (run python3 tests/vectors/generate_vectors.py): " + ", ".join(map(str, stale)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
