"""Data and canvas shared by the matplotlib peers: the same as brief-bench's
BenchData and Canvas (bench/Sources/brief-bench/Workloads.swift)."""
import os

import matplotlib

matplotlib.use("Agg")
from matplotlib import font_manager  # noqa: E402

TITLE = "Workers sent abroad by region"
SUBTITLE = "Reported headcount, 2024, workers per region"
SOURCE = "Source: generated benchmark data (bench/), not a real dataset."
RANGE_NOTE = "Reported ranges: the bar ends at the low figure and the line runs to the high figure."
DOT_NOTE = "Dots mark best estimates; lines span the values each report allows; ▲ marks each group's median."
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# The default style of BriefKit (styles/default.yaml).
FONT = "Inter"
TITLE_SIZE, SUBTITLE_SIZE, LABEL_SIZE, TICK_SIZE, NOTE_SIZE = 15, 10.5, 9.5, 8.5, 7.5
TEXT, MUTED, GRID, AXIS, INK, BLUE = "#1a1a1a", "#5c5c5c", "#e1e1e1", "#8c8c8c", "#1a1a1a", "#0072b2"
MARGIN = 20

BATCH = (800, 450)


def setup_fonts():
    """Registers Inter and Nanum Gothic, as BriefKit's style uses them."""
    for d in ("/usr/share/fonts/opentype/inter", "/usr/share/fonts/truetype/nanum"):
        if os.path.isdir(d):
            for f in sorted(os.listdir(d)):
                if f.startswith(("Inter-", "NanumGothic")) and f.endswith((".otf", ".ttf")):
                    font_manager.fontManager.addfont(os.path.join(d, f))
    matplotlib.rcParams["font.family"] = [FONT, "NanumGothic", "DejaVu Sans"]
    matplotlib.rcParams["svg.hashsalt"] = "briefkit-bench"
    matplotlib.rcParams["pdf.fonttype"] = 42


def value(k, i):
    return float(100 + (i * 7919 + k * 104729) % 9000)


def bar_items(k, n):
    """(label, low/value, high or None) for each bar; every fifth bar is a range."""
    out = []
    for i in range(n):
        v = value(k, i)
        label = f"Region {k}-{i + 1}" if n <= 20 else f"Item {i + 1}"
        if i % 5 == 0:
            hi = float(round(v * 1.25))
            out.append((label, v, hi))
        else:
            out.append((label, v, None))
    return out


def fmt(v):
    return f"{v:,.0f}"


def dot_rows(n):
    rows = []
    for i in range(n):
        lo = value(7, i)
        hi = lo + float(50 + (i * 31) % 2000)
        est = float(round((lo + hi) / 2))
        rows.append((f"Item {i + 1}", lo, est, hi))
    return rows


def events(n):
    """(label, start as fractional year, end as fractional year, date text, kind)."""
    import datetime

    out = []
    for i in range(n):
        year, month, day = 2000 + (i * 7) % 25, 1 + (i * 5) % 12, 1 + (i * 11) % 28
        label = f"Event {i + 1}: delegation visit"

        def frac(d):
            start = datetime.date(d.year, 1, 1)
            length = (datetime.date(d.year + 1, 1, 1) - start).days
            return d.year + (d - start).days / length

        if i % 3 == 0:
            d = datetime.date(year, month, day)
            out.append((label, frac(d), frac(d), f"{day} {MONTHS[month - 1]} {year}", "day"))
        elif i % 3 == 1:
            d0 = datetime.date(year, month, 1)
            d1 = datetime.date(year + (month == 12), month % 12 + 1, 1)
            out.append((label, frac(d0), frac(d1), f"{MONTHS[month - 1]} {year}", "span"))
        else:
            out.append((label, float(year), float(year + 1), f"c. {year}", "approx"))
    return out


def rows_canvas(n):
    return (800, min(14400, max(450, 200 + 14 * n)))
