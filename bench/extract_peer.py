#!/usr/bin/env python3
"""quantulum3, a general quantity extractor, on the reference articles: one TSV row per quantity
(file, start, end, value, unit, period, measure), for `brief extract --evaluate GOLD --predictions`.

quantulum3 has no hedges (every value is exact), no periods and no measures: those cells are `-`.
Its units are mapped to the dataset's spelling where one exists (dollar -> USD, percentage -> %);
a range it reports as a value with an uncertainty is written low..high.

usage: extract_peer.py GOLD.tsv ARTICLES_DIR > peer.tsv
"""
import sys
from quantulum3 import parser

UNITS = {
    "dollar": "USD", "united states dollar": "USD", "yuan": "CNY", "renminbi": "CNY", "chinese yuan": "CNY",
    "won": "KRW", "south korean won": "KRW", "north korean won": "KPW", "russian ruble": "RUB", "ruble": "RUB",
    "euro": "EUR", "yen": "JPY", "japanese yen": "JPY", "percentage": "%", "year": "years", "month": "months",
    "day": "days", "week": "weeks", "hour": "hours", "dimensionless": "",
}
PER = {"month": "month", "year": "year", "day": "day", "week": "week"}


def unit_of(q):
    name = q.unit.name.lower()
    if name in UNITS:
        return UNITS[name]
    if " per " in name:
        head, per = name.split(" per ", 1)
        if head in UNITS and per in PER:
            return UNITS[head] + "/" + PER[per]
    surface = q.surface.lower()
    for noun in ("workers", "people", "visas", "persons"):
        if noun in surface:
            return noun
    return name.replace(" ", "-") or ""


def number(x):
    if x == int(x):
        return str(int(x))
    return ("%.6f" % x).rstrip("0").rstrip(".")


def main():
    gold, folder = sys.argv[1], sys.argv[2]
    files = []
    for line in open(gold, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name = line.split("\t")[0]
        if name not in files:
            files.append(name)
    for name in files:
        text = open(folder + "/" + name, encoding="utf-8").read()
        for q in parser.parse(text):
            value = number(q.value)
            unc = getattr(q, "uncertainty", None)
            if unc:
                value = number(q.value - unc) + ".." + number(q.value + unc)
            unit = unit_of(q)
            if unit == "%":
                value += "%"
            start, end = q.span
            print("\t".join([name, str(start), str(end), value, unit or "-", "-", "-"]))


if __name__ == "__main__":
    main()
