"""matplotlib peer of `brief build`: draws the default brief's charts as PNG
(same pixel size) and SVG, and its pages as one PDF, from the drawing commands
brief-bench exports (`brief-bench export-brief FILE`): the same paths, colours,
line widths and text lines at the same sizes and positions.

  mpl_brief.py SCENES.json OUT
"""
import json
import sys
import time

import common

common.setup_fonts()
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import PathPatch  # noqa: E402
from matplotlib.path import Path  # noqa: E402

CAPS = {"butt": "butt", "round": "round", "square": "projecting"}
JOINS = {"miter": "miter", "round": "round", "bevel": "bevel"}


def mpl_path(elements):
    verts, codes = [], []
    start = None
    for e in elements:
        if e[0] == "M":
            verts.append(e[1:3]); codes.append(Path.MOVETO); start = e[1:3]
        elif e[0] == "L":
            verts.append(e[1:3]); codes.append(Path.LINETO)
        elif e[0] == "C":
            verts += [e[1:3], e[3:5], e[5:7]]; codes += [Path.CURVE4] * 3
        elif e[0] == "Z" and start is not None:
            verts.append(start); codes.append(Path.CLOSEPOLY)
    return Path(verts, codes)


def figure(scene):
    W, H = scene["width"], scene["height"]
    fig = Figure(figsize=(W / 72, H / 72), facecolor=scene["background"] or "none")
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, W)
    ax.set_ylim(H, 0)
    ax.axis("off")
    for op in scene["ops"]:
        kind = op["op"]
        if kind == "fill":
            ax.add_patch(PathPatch(mpl_path(op["path"]), facecolor=op["color"], edgecolor="none", linewidth=0))
        elif kind == "stroke":
            p = PathPatch(mpl_path(op["path"]), fill=False, edgecolor=op["color"], linewidth=op["width"],
                          capstyle=CAPS[op["cap"]], joinstyle=JOINS[op["join"]])
            if op["dash"]:
                p.set_linestyle((0, tuple(d / max(op["width"], 1e-6) for d in op["dash"])))
            ax.add_patch(p)
        elif kind == "text":
            ax.text(op["x"], op["y"], op["text"], fontsize=op["size"], fontweight=op["weight"],
                    fontstyle="italic" if op["italic"] else "normal", color=op["color"], ha=op["ha"],
                    va="baseline")
    return fig


def main():
    scenes_file, out = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    with open(scenes_file) as f:
        data = json.load(f)
    scale = data["scale"]
    for chart in data["charts"]:
        fig = figure(chart)
        fig.savefig(f"{out}/{chart['id']}.png", dpi=72 * scale)
        fig.savefig(f"{out}/{chart['id']}.svg")
    from matplotlib.backends.backend_pdf import PdfPages

    with PdfPages(f"{out}/monthly.pdf") as pdf:
        for page in data["pages"]:
            pdf.savefig(figure(page))
    print(f'{{"inside_s": {time.perf_counter() - t0:.4f}, "charts": {len(data["charts"])}, "pages": {len(data["pages"])}}}')


if __name__ == "__main__":
    main()
