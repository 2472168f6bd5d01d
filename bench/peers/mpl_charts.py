"""matplotlib peers of brief-bench's chart workloads: the same canvases, bars,
whiskers, labels, ticks, title, subtitle, note and source line.

  mpl_charts.py batch-png N OUT [JOBS]   N bar charts of 20 bars, 1600x900 px PNGs, JOBS processes
  mpl_charts.py batch-pdf N OUT          N bar charts as pages of one PDF
  mpl_charts.py bars|dotrange|timeline N OUT   one chart of N marks, PNG at 72 dpi (scale 1)
"""
import sys
import time

import common
from common import (AXIS, BLUE, GRID, INK, LABEL_SIZE, MARGIN, MUTED, NOTE_SIZE, SUBTITLE_SIZE, TEXT,
                    TICK_SIZE, TITLE_SIZE)

common.setup_fonts()
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402


def frame(fig, W, H, title, subtitle, notes, source):
    """Title and subtitle at the top, notes and source at the foot, as BriefKit's ChartFrame."""
    fig.text(MARGIN / W, 1 - MARGIN / H, title, fontsize=TITLE_SIZE, weight=600, color=TEXT, va="top")
    fig.text(MARGIN / W, 1 - (MARGIN + 21) / H, subtitle, fontsize=SUBTITLE_SIZE, color=MUTED, va="top")
    y = MARGIN
    for s in [source] + list(reversed(notes)):
        fig.text(MARGIN / W, y / H, s, fontsize=NOTE_SIZE, color=MUTED, va="bottom")
        y += NOTE_SIZE * 1.25 + 2


def value_axis(ax):
    ax.xaxis.set_major_locator(MaxNLocator(5))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.tick_params(axis="x", labelsize=TICK_SIZE, labelcolor=MUTED, length=0)
    ax.tick_params(axis="y", labelsize=LABEL_SIZE, labelcolor=TEXT, length=0)
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    for s in ax.spines.values():
        s.set_visible(False)
    ax.axvline(0, color=AXIS, linewidth=1)


def label_every(n, plot_height):
    """BriefKit's thinned labels: every k-th row once rows are closer than a label line (1.25 x size) plus 1 pt."""
    step = plot_height / n
    need = LABEL_SIZE * 1.25 + 1
    return 1 if step >= need else min(n, -(-need // step))


def bar_figure(k, n, size):
    W, H = size
    fig = Figure(figsize=(W / 72, H / 72), facecolor="white")
    items = common.bar_items(k, n)
    frame(fig, W, H, f"Chart {k}: {common.TITLE}", common.SUBTITLE, [common.RANGE_NOTE], common.SOURCE)
    top, bottom, left, right = MARGIN + 45, MARGIN + 45, MARGIN + 85, MARGIN + 70
    ax = fig.add_axes([left / W, bottom / H, (W - left - right) / W, (H - top - bottom) / H])
    ys = list(range(n - 1, -1, -1))
    ax.barh(ys, [v for _, v, _ in items], height=0.65, color=BLUE)
    rng = [(y, v, hi) for y, (_, v, hi) in zip(ys, items) if hi is not None]
    if rng:
        ax.errorbar([v for _, v, _ in rng], [y for y, _, _ in rng], xerr=[[0] * len(rng), [hi - v for _, v, hi in rng]],
                    fmt="none", ecolor=INK, elinewidth=1.4, capsize=3.5, capthick=1.4)
    every = int(label_every(n, H - top - bottom))
    for y, (_, v, hi) in zip(ys, items):
        if every > 1:
            break  # thinned labels: values are read off the axis
        tip = hi if hi is not None else v
        text = f"{common.fmt(v)}–{common.fmt(hi)}" if hi is not None else common.fmt(v)
        ax.annotate(text, (tip, y), xytext=(5, 0), textcoords="offset points", fontsize=LABEL_SIZE, weight=500,
                    color=TEXT, va="center")
    ax.set_yticks(ys[::every], [label for label, _, _ in items][::every])
    ax.set_ylim(-0.6, n - 0.4)
    value_axis(ax)
    return fig


def dotrange_figure(n, size):
    W, H = size
    fig = Figure(figsize=(W / 72, H / 72), facecolor="white")
    rows = common.dot_rows(n)
    frame(fig, W, H, "Wages by item", "USD per month, reported range and estimate", [common.DOT_NOTE], common.SOURCE)
    top, bottom, left, right = MARGIN + 45, MARGIN + 45, MARGIN + 60, MARGIN + 75
    ax = fig.add_axes([left / W, bottom / H, (W - left - right) / W, (H - top - bottom) / H])
    ys = list(range(n - 1, -1, -1))
    ax.hlines(ys, [lo for _, lo, _, _ in rows], [hi for _, _, _, hi in rows], color=BLUE, linewidth=1.5,
              capstyle="round")
    step_pt = (H - top - bottom) / n
    r = min(4.5, step_pt * 0.3)
    ax.scatter([e for _, _, e, _ in rows], ys, s=(2 * r) ** 2, color=BLUE, edgecolors="white", linewidths=1, zorder=3)
    every = int(label_every(n, H - top - bottom))
    for y, (_, lo, e, hi) in zip(ys, rows):
        if every > 1:
            break  # thinned labels: values are read off the axis
        ax.text(1.0, y, f"{common.fmt(lo)}–{common.fmt(hi)}", transform=ax.get_yaxis_transform(), fontsize=TICK_SIZE,
                color=MUTED, va="center", ha="left")
    estimates = sorted(e for _, _, e, _ in rows)
    m = len(estimates)
    if m >= 2:
        med = estimates[m // 2] if m % 2 else (estimates[m // 2 - 1] + estimates[m // 2]) / 2
        ax.vlines([med], -0.5, n - 0.5, color=MUTED, linewidth=1, linestyles=(0, (2, 2)))
        ax.plot([med], [-0.8], marker="^", color=MUTED, markersize=8, clip_on=False)
    ax.set_yticks(ys[::every], [label for label, _, _, _ in rows][::every])
    ax.set_ylim(-1, n)
    value_axis(ax)
    return fig


def timeline_figure(n):
    """Events on a year axis; each label in the lowest lane where it fits, with a leader line to its mark."""
    W = 1600
    evs = common.events(n)
    x0, x1 = 2000.0, 2025.0
    left, right = MARGIN, W - MARGIN

    def px(t):
        return left + (t - x0) / (x1 - x0) * (right - left)

    # Measure every label (the title and the date text under it), as a label layout must.
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    probe = Figure(figsize=(W / 72, 4))
    renderer = FigureCanvasAgg(probe).get_renderer()
    boxes = []
    for label, s, e, date, kind in evs:
        t = probe.text(0, 0, f"{label}\n{date}", fontsize=LABEL_SIZE)
        bb = t.get_window_extent(renderer)
        boxes.append((px(s), bb.width, bb.height))
    # Lanes filled left to right: a label goes into the first lane whose last label ends before it starts.
    order = sorted(range(n), key=lambda i: boxes[i][0])
    lane_end, lane_of = [], [0] * n
    for i in order:
        x, w, _ = boxes[i]
        for li, end in enumerate(lane_end):
            if end + 6 <= x:
                lane_end[li] = x + w
                lane_of[i] = li
                break
        else:
            lane_end.append(x + w)
            lane_of[i] = len(lane_end) - 1
    lane_h = max(h for _, _, h in boxes) + 3
    H = max(450, 150 + lane_h * len(lane_end) + 60)
    fig = Figure(figsize=(W / 72, H / 72), facecolor="white")
    frame(fig, W, H, "Events, 2000–2024", "Generated events", [], common.SOURCE)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, W)
    ax.set_ylim(H, 0)
    ax.axis("off")
    axis_y = H - MARGIN - 40
    for year in range(2000, 2026, 5):
        ax.text(px(year), axis_y + 14, str(year), fontsize=TICK_SIZE, color=MUTED, ha="center", va="top")
        ax.plot([px(year), px(year)], [axis_y, axis_y + 4], color=AXIS, linewidth=0.6)
    ax.plot([left, right], [axis_y, axis_y], color=AXIS, linewidth=1)
    for i, (label, s, e, date, kind) in enumerate(evs):
        x, w, h = boxes[i]
        ly = axis_y - 20 - (lane_of[i] + 1) * lane_h
        if kind == "day":
            ax.plot([x], [axis_y - 6], marker="o", markersize=7, color=BLUE)
        else:
            ax.plot([px(s), max(px(e), px(s) + 2)], [axis_y - 6, axis_y - 6], linewidth=6, color=BLUE,
                    alpha=0.45 if kind == "approx" else 1, solid_capstyle="butt")
        ax.plot([x, x], [axis_y - 10, ly + h], color=AXIS, linewidth=0.6)
        ax.text(x + 3, ly, f"{label}\n{date}", fontsize=LABEL_SIZE, color=TEXT, va="top", ha="left")
    return fig


def main():
    what, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    t0 = time.perf_counter()
    if what == "batch-png":
        jobs = int(sys.argv[4]) if len(sys.argv) > 4 else 2
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            pool.map(_one_png, [(k, out) for k in range(n)], chunksize=max(1, n // (4 * jobs)))
    elif what == "batch-pdf":
        from matplotlib.backends.backend_pdf import PdfPages

        with PdfPages(f"{out}/bars.pdf") as pdf:
            for k in range(n):
                pdf.savefig(bar_figure(k, 20, common.BATCH))
    elif what == "bars":
        bar_figure(0, n, common.rows_canvas(n)).savefig(f"{out}/bars-{n}.png", dpi=72)
    elif what == "dotrange":
        dotrange_figure(n, common.rows_canvas(n)).savefig(f"{out}/dotrange-{n}.png", dpi=72)
    elif what == "timeline":
        timeline_figure(n).savefig(f"{out}/timeline-{n}.png", dpi=72)
    else:
        sys.exit(f"unknown workload {what}")
    print(f'{{"inside_s": {time.perf_counter() - t0:.4f}}}')


def _one_png(arg):
    k, out = arg
    bar_figure(k, 20, common.BATCH).savefig(f"{out}/bars-{k}.png", dpi=144)


if __name__ == "__main__":
    main()
