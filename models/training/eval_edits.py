"""Evaluations of edits, not only reconstructions (issue 16): `npm run eval:edits`.

Two steps around `tests/bench/edit-eval.ts`, which runs the edits through the product's own
pipeline (the steps `faceshop edit` runs):

    /usr/bin/python3 models/training/eval_edits.py prepare --run DIR --names london/070_03,...
    /usr/bin/python3 models/training/eval_edits.py [score] [--run DIR]

prepare (the bench calls it first) — the smile edit's known answer, for each London portrait:
  the smiling photo (NNN_08) registered onto the neutral one (NNN_03) on the upper face (eyes,
  lids and brows from the neutral .tem, grown by a quarter of the distance between the pupils):
  a template match at 1/4 scale for the head's shift, then OpenCV findTransformECC, euclidean,
  at 1/4 and 1/2 scale. The smiling mouth's outline is the convex hull of the lips found in the
  registered smile (the redder pixels of Lab a*, Otsu, in a window around the neutral mouth),
  falling back to the neutral outline widened when that fails; the mask is the union of both
  outlines, grown by 12 % of the distance between the pupils (the detail eval's growth).
  Colour strokes: one along each lip (half-way between the lip's edge and the mouth line) and
  one along the teeth when they show, flat colours of the registered smile (the training
  strokes' median + bilateral filtering), a pen of 3.5 % of the distance between the pupils.
  Writes, per person, the registered smile, the mask and the colour strokes (full size, PNG)
  and `smile.json` (ECC correlation, warp, mean |difference| on the upper face).

score — the run folder the bench wrote (`cases.json`):
  smile      masked PSNR (RGB) against the registered real smile, for our edit, for doing nothing
             (the neutral photo itself) and for OpenCV's Telea on the neutral photo; pairs whose
             registration is poor (ECC correlation < --min-cc) are left out and named;
  handdrawn  eyes, nose and mouth of every held-out portrait redrawn as a person would draw them
             (the bench's hand-drawn strokes): PSNR against the real photo, and Telea's;
  sketch F1  in the network's 256-px frame as evaluate.py measures it (its sketch_f1: 2-px
             tolerance): the sketch domain (sketch_domain.py, the app's graph) of the finished
             photo's work area against the sketch the network was given, inside its mask;
  variation  mean |seed A - seed B| (0-255, all channels) inside the person's mask at full
             resolution, and inside the network's mask in its 256-px frame.
Prints one markdown table per edit type with the issue's bars, writes `table.json` and the 1:1
contact sheets `sheet-smile.png` (neutral | mask + sketch + colour | ours | Telea | real smile),
`sheet-handdrawn.png` (mask + hand-drawn sketch | ours | Telea | real) and `sheet-variation.png`
(mask + sketch | seed A | seed B | |A - B| x 10). The run folder holds the portraits (CC-BY,
credited in ../shared/datasets/portraits/README.md): keep it out of git.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import tempfile

import cv2
import numpy as np

import guidance
import portraits

HERE = os.path.dirname(os.path.abspath(__file__))
GROW = 0.12  # the detail eval's mask growth, in distances between the pupils
PEN = 0.035  # colour stroke width, in distances between the pupils
BAR_SMILE_GAIN = 4.0
BAR_SMILE_F1 = 0.6
BAR_HANDDRAWN_GAIN = 2.0
BAR_VARIATION = 4.0
PART_ORDER = ["eye-right", "eye-left", "nose", "mouth"]


# ---------------------------------------------------------------------------------------------
# prepare: the registered smile, its mask and colour strokes


def disc(radius: float) -> np.ndarray:
    d = max(1, int(round(radius))) * 2 + 1
    return cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (d, d))


def upper_face_mask(shape: tuple[int, ...], points: np.ndarray, ipd: float) -> np.ndarray:
    """Eyes, lids, creases and brows (points 0-43, 71-86), grown by a quarter of the IPD."""
    mask = np.zeros(shape[:2], np.uint8)
    upper = np.concatenate([points[0:44], points[71:87]])
    cv2.fillConvexPoly(mask, cv2.convexHull(np.int32(np.round(upper))), 255)
    return cv2.dilate(mask, disc(0.25 * ipd))


def register(neutral: np.ndarray, smile: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, float]:
    """The euclidean warp W with smile(W x) ~ neutral(x) on the mask, and ECC's correlation."""
    grey_n = cv2.cvtColor(neutral, cv2.COLOR_BGR2GRAY)
    grey_s = cv2.cvtColor(smile, cv2.COLOR_BGR2GRAY)

    def at(image: np.ndarray, f: float) -> np.ndarray:
        return cv2.resize(image, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)

    # The head moves by up to ~100 px between the two photos: ECC needs a start near it.
    f = 0.25
    small_n, small_s = at(grey_n, f), at(grey_s, f)
    x, y, w, h = cv2.boundingRect(cv2.resize(mask, None, fx=f, fy=f, interpolation=cv2.INTER_NEAREST))
    scores = cv2.matchTemplate(small_s, small_n[y : y + h, x : x + w], cv2.TM_CCOEFF_NORMED)
    _, _, _, (bx, by) = cv2.minMaxLoc(scores)
    warp = np.float32([[1, 0, (bx - x) / f], [0, 1, (by - y) / f]])
    cc = 0.0
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 100, 1e-5)
    for f in (0.25, 0.5):
        scaled = warp.copy()
        scaled[:, 2] *= f
        blur_n = cv2.GaussianBlur(at(grey_n, f), (0, 0), 1.0).astype(np.float32)
        blur_s = cv2.GaussianBlur(at(grey_s, f), (0, 0), 1.0).astype(np.float32)
        small_mask = cv2.resize(mask, None, fx=f, fy=f, interpolation=cv2.INTER_NEAREST)
        cc, scaled = cv2.findTransformECC(blur_n, blur_s, scaled, cv2.MOTION_EUCLIDEAN, criteria, small_mask, 5)
        warp = scaled.copy()
        warp[:, 2] /= f
    return warp, float(cc)


def lip_outline(image: np.ndarray, points: np.ndarray, ipd: float) -> tuple[np.ndarray, np.ndarray, str]:
    """(outline polygon, lip mask, how) of the mouth in `image` (BGR), searched near the neutral
    mouth of `points`: the redder pixels (Lab a*, Otsu) in a window around it. "fallback" (the
    neutral outline widened, no lip mask) when what is found is not mouth-shaped."""
    mouth = points[87:109]
    neutral = cv2.convexHull(np.int32(np.round(mouth)))
    (x0, y0), (x1, y1) = mouth.min(0), mouth.max(0)
    wx0, wx1 = int(x0 - 0.25 * ipd), int(x1 + 0.25 * ipd)
    wy0, wy1 = int(y0 - 0.1 * ipd), int(y1 + 0.15 * ipd)
    a = cv2.cvtColor(image, cv2.COLOR_BGR2LAB)[..., 1]
    a = cv2.GaussianBlur(a, (0, 0), 0.01 * ipd)
    window = np.ascontiguousarray(a[wy0:wy1, wx0:wx1])
    _, red = cv2.threshold(window, 0, 1, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    red = cv2.morphologyEx(red, cv2.MORPH_OPEN, disc(0.01 * ipd))
    red = cv2.morphologyEx(red, cv2.MORPH_CLOSE, disc(0.03 * ipd))
    near = np.zeros(image.shape[:2], np.uint8)
    cv2.fillConvexPoly(near, neutral, 1)
    near = cv2.dilate(near, disc(0.08 * ipd))[wy0:wy1, wx0:wx1]
    count, labels, stats, _ = cv2.connectedComponentsWithStats(red)
    lips = np.zeros_like(red)
    for i in range(1, count):
        part = labels == i
        # Both lips (a toothy smile parts them), not the red of a cheek or chin.
        if stats[i, cv2.CC_STAT_AREA] >= 0.002 * ipd * ipd and (part & (near > 0)).sum() >= 0.5 * part.sum():
            lips[part] = 1
    full = np.zeros(image.shape[:2], np.uint8)
    full[wy0:wy1, wx0:wx1] = lips
    found = cv2.findNonZero(full)
    if found is not None:
        outline = cv2.convexHull(found)
        _, _, w, h = cv2.boundingRect(outline)
        mouth_shaped = (
            0.8 * (x1 - x0) <= w <= 1.6 * (x1 - x0)
            and h <= 1.8 * (y1 - y0) + 0.08 * ipd
            and full.sum() <= 2.2 * cv2.contourArea(neutral)
        )
        if mouth_shaped:
            return outline, full, "lips"
    centre = mouth.mean(0)
    wider = (mouth - centre) * [1.25, 1.5] + centre
    return cv2.convexHull(np.int32(np.round(wider))), np.zeros_like(full), "fallback"


def lip_lines(lips: np.ndarray, outline: np.ndarray, dark: np.ndarray, ipd: float) -> dict[str, list]:
    """Mid-lip lines of the upper and lower lip: per column over the middle 60 % of the mouth,
    half-way between the lip's outer edge and the mouth line (the darkest row between them)."""
    x, _, w, _ = cv2.boundingRect(outline)
    step = max(1, int(0.02 * ipd))
    upper, lower = [], []
    for cx in range(int(x + 0.2 * w), int(x + 0.8 * w) + 1, step):
        rows = np.nonzero(lips[:, cx])[0]
        if len(rows) < 2:
            continue
        top, bottom = int(rows.min()), int(rows.max())
        line = top + int(np.argmin(dark[top : bottom + 1, cx]))
        upper.append((cx, (top + line) / 2))
        lower.append((cx, (line + bottom) / 2))
    return {"upper-lip": upper, "lower-lip": lower}


def template_lip_lines(points: np.ndarray, dark: np.ndarray, ipd: float) -> dict[str, list]:
    """Without a lip mask: the neutral template's mid-lip lines (outer and inner outline averaged:
    points 88-92 with 94-98, 104-108 with 99-103), 10 % wider, moved onto the smile's mouth line
    (the darkest row within a tenth of the IPD of the neutral one, at the middle)."""
    upper = (points[88:93] + points[94:99]) / 2
    lower = (points[104:109] + points[99:104]) / 2
    inner = (points[94:99] + points[99:104]) / 2
    cx, cy = inner[2]
    reach = int(0.1 * ipd)
    column = dark[int(cy) - reach : int(cy) + reach + 1, int(cx) - 2 : int(cx) + 3].mean(axis=1)
    shift = int(np.argmin(column)) - reach
    centre = inner.mean(0)

    def moved(line: np.ndarray) -> list:
        out = (line - centre) * [1.1, 1.0] + centre + [0, shift]
        return [(float(x), float(y)) for x, y in out]

    return {"upper-lip": moved(upper), "lower-lip": moved(lower)}


def teeth_line(image: np.ndarray, outline: np.ndarray, lips: np.ndarray, ipd: float) -> list:
    """The teeth's middle row over the middle 60 % of their width, when they show: pixels inside
    the mouth outline clearly lighter and greyer than the lips (empty for a closed smile)."""
    lab = cv2.cvtColor(image, cv2.COLOR_BGR2LAB).astype(np.float32)
    inside = np.zeros(image.shape[:2], np.uint8)
    cv2.fillConvexPoly(inside, outline, 1)
    inner = cv2.erode(inside, disc(0.02 * ipd)).astype(bool)
    lip = lips.astype(bool)
    if inner.sum() == 0 or lip.sum() == 0:
        return []
    chroma = np.hypot(lab[..., 1] - 128, lab[..., 2] - 128)
    teeth = inner & ~lip & (lab[..., 0] > np.median(lab[..., 0][lip]) + 15) & (chroma < 0.6 * np.median(chroma[lip]))
    teeth = cv2.morphologyEx(teeth.astype(np.uint8), cv2.MORPH_OPEN, disc(0.01 * ipd))
    if teeth.sum() < 0.01 * ipd * ipd:
        return []
    ys, xs = np.nonzero(teeth)
    x0, x1 = np.percentile(xs, 20), np.percentile(xs, 80)
    step = max(1, int(0.02 * ipd))
    line = []
    for cx in range(int(x0), int(x1) + 1, step):
        col = ys[xs == cx]
        if len(col):
            line.append((cx, float(np.median(col))))
    return line


def draw_strokes(shape: tuple[int, ...], filtered_rgb: np.ndarray, lines: dict[str, list], ipd: float) -> tuple[np.ndarray, list]:
    """RGBA strokes (flat colour: the median filtered colour under each) and their summary."""
    out = np.zeros((shape[0], shape[1], 4), np.uint8)
    width = max(2, int(round(PEN * ipd)))
    summary = []
    for name, pts in lines.items():
        if len(pts) < 3:
            continue
        poly = np.int32(np.round(pts)).reshape(-1, 1, 2)
        under = np.zeros(shape[:2], np.uint8)
        cv2.polylines(under, [poly], False, 1, width)
        colour = np.median(filtered_rgb[under.astype(bool)], axis=0).astype(int)
        cv2.polylines(out, [poly], False, (int(colour[0]), int(colour[1]), int(colour[2]), 255), width)
        summary.append({"stroke": name, "points": len(pts), "rgb": colour.tolist(), "width": width})
    return out, summary


def prepare(args: argparse.Namespace) -> None:
    cv2.setNumThreads(2)
    os.makedirs(args.run, exist_ok=True)
    entries = []
    for name in args.names.split(","):
        stem = name.split("/")[1].split("_")[0]
        neutral_path = os.path.join(args.portraits, f"{name}.jpg")
        smile_path = os.path.join(args.portraits, "london", f"{stem}_08.jpg")
        points = portraits.template(name, args.portraits)
        neutral = cv2.imread(neutral_path, cv2.IMREAD_COLOR)
        smile = cv2.imread(smile_path, cv2.IMREAD_COLOR)
        if points is None or neutral is None or smile is None:
            print(f"eval_edits prepare: {name}: no smiling partner or template, skipped")
            continue
        ipd = float(np.hypot(*(points[1] - points[0])))
        upper = upper_face_mask(neutral.shape, points, ipd)
        warp, cc = register(neutral, smile, upper)
        h, w = neutral.shape[:2]
        registered = cv2.warpAffine(smile, warp, (w, h), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP, borderMode=cv2.BORDER_REPLICATE)
        upper_mad = float(np.abs(neutral.astype(np.float32) - registered)[upper > 0].mean())
        smile_outline, lips, how = lip_outline(registered, points, ipd)
        neutral_outline = cv2.convexHull(np.int32(np.round(points[87:109])))
        mask = np.zeros((h, w), np.uint8)
        cv2.fillConvexPoly(mask, neutral_outline, 255)
        cv2.fillConvexPoly(mask, smile_outline, 255)
        mask = cv2.dilate(mask, disc(GROW * ipd))
        rgb = cv2.cvtColor(registered, cv2.COLOR_BGR2RGB)
        filtered = guidance.filtered_colors(rgb)
        dark = cv2.GaussianBlur(cv2.cvtColor(registered, cv2.COLOR_BGR2GRAY), (0, 0), 0.01 * ipd)
        lines = lip_lines(lips, smile_outline, dark, ipd) if how == "lips" else template_lip_lines(points, dark, ipd)
        lines["teeth"] = teeth_line(registered, smile_outline, lips, ipd)
        strokes, summary = draw_strokes(neutral.shape, filtered, lines, ipd)
        strokes[mask == 0] = 0
        prefix = os.path.join(args.run, f"london-{name.split('/')[1]}-smile")
        cv2.imwrite(f"{prefix}-real.png", registered)
        cv2.imwrite(f"{prefix}-maskfull.png", mask)
        cv2.imwrite(f"{prefix}-color.png", cv2.cvtColor(strokes, cv2.COLOR_RGBA2BGRA))
        entry = {
            "name": name,
            "neutral": neutral_path,
            "smile": smile_path,
            "real": f"{prefix}-real.png",
            "mask": f"{prefix}-maskfull.png",
            "color": f"{prefix}-color.png",
            "ipd": ipd,
            "ecc": round(cc, 4),
            "warp": np.round(warp, 4).tolist(),
            "upperFaceMad": round(upper_mad, 2),
            "outline": how,
            "strokes": summary,
        }
        entries.append(entry)
        print(f"eval_edits prepare: {name} ECC {cc:.4f}, upper-face |diff| {upper_mad:.1f}, outline from {how}, {len(summary)} colour strokes", flush=True)
    json.dump(entries, open(os.path.join(args.run, "smile.json"), "w"), indent=1)


# ---------------------------------------------------------------------------------------------
# score


def psnr(a: np.ndarray, b: np.ndarray, m: np.ndarray) -> float:
    d = (a.astype(np.float64) - b.astype(np.float64))[m]
    mse = float((d * d).mean())
    return 99.0 if mse == 0 else 10 * math.log10(255 * 255 / mse)


def read_rgb(path: str) -> np.ndarray:
    bgr = cv2.imread(path, cv2.IMREAD_COLOR)
    if bgr is None:
        raise SystemExit(f"eval_edits: cannot read {path}")
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


def read_plane(path: str) -> np.ndarray:
    grey = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if grey is None:
        raise SystemExit(f"eval_edits: cannot read {path}")
    return grey > 127


class FrameSketcher:
    """The sketch domain (the app's graph, in PyTorch) of a work area seen at the 256-px frame."""

    def __init__(self) -> None:
        import torch

        from sketch_domain import DEFAULT_THRESHOLDS, SketchDomain

        torch.set_num_threads(2)
        self.torch = torch
        self.net = SketchDomain().eval()
        self.thresholds = torch.tensor([DEFAULT_THRESHOLDS])

    def __call__(self, full: np.ndarray, area: dict, resolution: int) -> np.ndarray:
        # The work area cut out with its edges repeated (as the app cuts it), area-averaged down.
        x, y, size = area["x"], area["y"], area["size"]
        h, w = full.shape[:2]
        pad = max(0, -x, -y, x + size - w, y + size - h)
        padded = cv2.copyMakeBorder(full, pad, pad, pad, pad, cv2.BORDER_REPLICATE) if pad else full
        square = padded[y + pad : y + pad + size, x + pad : x + pad + size]
        frame = cv2.resize(square, (resolution, resolution), interpolation=cv2.INTER_AREA)
        t = self.torch.from_numpy(frame).permute(2, 0, 1).float().unsqueeze(0) / 255
        with self.torch.no_grad():
            return self.net(t, self.thresholds)[0, 0].numpy() > 0.5


def window_of(full: np.ndarray, region: dict) -> tuple[slice, slice]:
    return (slice(region["top"], region["top"] + region["height"]), slice(region["left"], region["left"] + region["width"]))


def crop_box(mask: np.ndarray) -> tuple[int, int, int, int]:
    """A 1:1 crop around the mask, at most 320 px square (the detail eval's)."""
    ys, xs = np.nonzero(mask)
    cy, cx = (ys.min() + ys.max()) // 2, (xs.min() + xs.max()) // 2
    half = min(160, max(ys.max() - ys.min(), xs.max() - xs.min()) // 2 + 24)
    return max(0, cy - half), max(0, cx - half), min(mask.shape[0], cy + half), min(mask.shape[1], cx + half)


def guidance_tile(photo: np.ndarray, mask: np.ndarray, sketch: np.ndarray | None, colour: np.ndarray | None) -> np.ndarray:
    """The photo with the mask tinted red, the sketch in black and the colour strokes on top."""
    shown = photo.astype(np.float32).copy()
    shown[mask] = shown[mask] * 0.55 + np.array([255, 40, 40]) * 0.45
    if colour is not None:
        a = (colour[..., 3:] > 127) & mask[..., None]
        shown = np.where(a, colour[..., :3].astype(np.float32), shown)
    if sketch is not None:
        shown[sketch & mask] = 0
    return shown.astype(np.uint8)


def strip(tiles: list[np.ndarray], box: tuple[int, int, int, int]) -> np.ndarray:
    y0, x0, y1, x1 = box
    tiles = [t[y0:y1, x0:x1] for t in tiles]
    h = max(t.shape[0] for t in tiles)
    w = max(t.shape[1] for t in tiles)
    out = np.full((h, len(tiles) * (w + 4), 3), 255, np.uint8)
    for i, t in enumerate(tiles):
        out[: t.shape[0], i * (w + 4) : i * (w + 4) + t.shape[1]] = t
    return out


def write_sheet(path: str, strips: list[np.ndarray]) -> None:
    if not strips:
        return
    w = max(s.shape[1] for s in strips)
    sheet = np.full((sum(s.shape[0] + 4 for s in strips), w, 3), 255, np.uint8)
    y = 0
    for s in strips:
        sheet[y : y + s.shape[0], : s.shape[1]] = s
        y += s.shape[0] + 4
    cv2.imwrite(path, cv2.cvtColor(sheet, cv2.COLOR_RGB2BGR))


def mean(rows: list[dict], key: str) -> float:
    values = [r[key] for r in rows if r.get(key) is not None]
    return float(np.mean(values)) if values else float("nan")


def score(args: argparse.Namespace) -> None:
    from evaluate import sketch_f1  # one definition of the F1 (2-px tolerance)

    cases_path = os.path.join(args.run, "cases.json")
    if not os.path.isdir(args.portraits):
        print(f"eval_edits: skipped — no portraits at {args.portraits} (set FACESHOP_PORTRAITS)")
        return
    if not os.path.exists(cases_path):
        print(f"eval_edits: skipped — no {cases_path} (run `node scripts/bench.mjs edit-eval` first)")
        return
    cases = json.load(open(cases_path))
    sketcher = FrameSketcher()
    images: dict[str, np.ndarray] = {}

    def image(path: str) -> np.ndarray:
        if path not in images:
            if len(images) > 4:
                images.clear()
            images[path] = read_rgb(path)
        return images[path]

    rows: list[dict] = []
    excluded: list[str] = []
    no_lines: list[str] = []  # hand-drawn cases whose photo has no lines there to draw
    sheets: dict[str, list[np.ndarray]] = {"smile": [], "handdrawn": [], "variation": []}
    shown_parts: dict[str, int] = {}
    for c in cases:
        kind = c["kind"]
        if kind == "smile" and c["ecc"] < args.min_cc:
            excluded.append(f"{c['id']} (ECC {c['ecc']:.3f})")
            continue
        if kind == "handdrawn" and c.get("strokes", 1) == 0:
            no_lines.append(c["id"])
            continue
        base_full = image(c["photo"])
        real_full = image(c["real"])
        sl = window_of(base_full, c["region"])
        real, base = real_full[sl], base_full[sl]
        mask = read_plane(os.path.join(args.run, f"{c['id']}-mask.png"))
        ours = read_rgb(os.path.join(args.run, f"{c['id']}-ours.png"))
        other = read_rgb(os.path.join(args.run, f"{c['id']}-seed2.png"))
        sketch_in = read_plane(os.path.join(args.run, f"{c['id']}-sketch.png"))
        colour = None
        if kind == "smile":
            colour_full = cv2.imread(c["color"], cv2.IMREAD_UNCHANGED)
            colour = cv2.cvtColor(colour_full, cv2.COLOR_BGRA2RGBA)[sl]
        full_mask = np.zeros(base_full.shape[:2], np.uint8)
        full_mask[sl][mask] = 255
        telea = cv2.inpaint(base_full, full_mask, 5, cv2.INPAINT_TELEA)[sl]
        # The network's view: its mask and the sketch it was given, at its frame.
        net_mask = read_plane(os.path.join(args.run, f"{c['id']}-net-mask.png"))
        net_sketch = read_plane(os.path.join(args.run, f"{c['id']}-net-sketch.png"))
        res = net_mask.shape[0]
        row = {"id": c["id"], "kind": kind, "part": c["part"]}
        candidates = {"ours": ours, "telea": telea, **({"nothing": base} if kind == "smile" else {})}
        for name, img in candidates.items():
            row[f"psnr_{name}"] = psnr(img, real, mask)
            pasted = base_full.copy()
            pasted[sl] = img
            out_sketch = sketcher(pasted, c["workArea"], res)
            row[f"f1_{name}"] = sketch_f1(out_sketch, net_sketch, net_mask)
        row["variation"] = float(np.abs(ours.astype(np.float32) - other.astype(np.float32))[mask].mean())
        net_a = read_rgb(os.path.join(args.run, f"{c['id']}-net-ours.png")).astype(np.float32)
        net_b = read_rgb(os.path.join(args.run, f"{c['id']}-net-seed2.png")).astype(np.float32)
        row["variation_net"] = float(np.abs(net_a - net_b)[net_mask].mean())
        row["variation_net_max"] = float(np.abs(net_a - net_b)[net_mask].max())
        rows.append(row)

        box = crop_box(mask)
        given = guidance_tile(base, mask, sketch_in, colour)
        if kind == "smile" and len(sheets["smile"]) < args.sheet_rows:
            sheets["smile"].append(strip([base, given, ours, telea, real], box))
        if kind == "handdrawn" and shown_parts.get(c["part"], 0) < args.sheet_rows_per_part:
            shown_parts[c["part"]] = shown_parts.get(c["part"], 0) + 1
            sheets["handdrawn"].append(strip([given, ours, telea, real], box))
        variation_key = f"v-{c['part'] if kind == 'handdrawn' else 'smile'}"
        if shown_parts.get(variation_key, 0) < (3 if kind == "smile" else 1):
            shown_parts[variation_key] = shown_parts.get(variation_key, 0) + 1
            diff = np.clip(np.abs(ours.astype(np.float32) - other.astype(np.float32)) * 10, 0, 255).astype(np.uint8)
            sheets["variation"].append(strip([given, ours, other, diff], box))
        print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in row.items()}), flush=True)

    table: dict[str, dict] = {}
    smile = [r for r in rows if r["kind"] == "smile"]
    if smile or excluded:
        print("\n### Smile (neutral -> smiling, London held out)\n")
        if excluded:
            print(f"left out, registration too poor to be a known answer: {', '.join(excluded)}\n")
        if smile:
            t = {k: mean(smile, k) for k in ("psnr_ours", "psnr_nothing", "psnr_telea", "f1_ours", "f1_nothing", "f1_telea", "variation", "variation_net")}
            table["smile"] = {"n": len(smile), **t, "excluded": excluded}
            gain = t["psnr_ours"] - t["psnr_nothing"]
            met = gain >= BAR_SMILE_GAIN and t["f1_ours"] >= BAR_SMILE_F1
            print("| n | PSNR ours | PSNR do nothing | PSNR Telea | ours - nothing | F1 ours | F1 do nothing | F1 Telea | variation | variation 256 | bar (>= nothing + 4 dB, F1 >= 0.6) |")
            print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
            print(
                f"| {len(smile)} | {t['psnr_ours']:.2f} | {t['psnr_nothing']:.2f} | {t['psnr_telea']:.2f} | {gain:+.2f} | "
                f"{t['f1_ours']:.2f} | {t['f1_nothing']:.2f} | {t['f1_telea']:.2f} | {t['variation']:.2f} | {t['variation_net']:.2f} | {'met' if met else 'NOT met'} |"
            )
    hand = [r for r in rows if r["kind"] == "handdrawn"]
    if hand:
        print("\n### Hand-drawn-style sketches (held-out portraits)\n")
        if no_lines:
            print(f"left out, the sketch domain finds no lines there to redraw: {', '.join(no_lines)}\n")
        print("| part | n | PSNR ours | PSNR Telea | ours - Telea | F1 ours | F1 Telea | bar (>= Telea + 2 dB) |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        parts = sorted({r["part"] for r in hand}, key=lambda p: PART_ORDER.index(p) if p in PART_ORDER else 9)
        for part in [*parts, "all"]:
            sel = hand if part == "all" else [r for r in hand if r["part"] == part]
            t = {k: mean(sel, k) for k in ("psnr_ours", "psnr_telea", "f1_ours", "f1_telea", "variation", "variation_net")}
            table[f"handdrawn/{part}"] = {"n": len(sel), **t, **({"excluded": no_lines} if part == "all" else {})}
            gain = t["psnr_ours"] - t["psnr_telea"]
            print(
                f"| {part} | {len(sel)} | {t['psnr_ours']:.2f} | {t['psnr_telea']:.2f} | {gain:+.2f} | {t['f1_ours']:.2f} | {t['f1_telea']:.2f} | "
                f"{'met' if gain >= BAR_HANDDRAWN_GAIN else 'NOT met'} |"
            )
    if rows:
        print("\n### Variation (two noise seeds, the same strokes)\n")
        print("full res: the finished edit (the refiner and the detail stage, whose PatchMatch draws its own randomness from the seed);")
        print("256-px frame: the network's own output, the noise's effect alone.\n")
        print("| edit | n | mean abs diff in mask (0-255, full res) | in the 256-px frame | max in the frame | bar (>= 4), full res / frame |")
        print("| --- | --- | --- | --- | --- | --- |")
        groups = [("smile", smile)] + [(p, [r for r in hand if r["part"] == p]) for p in PART_ORDER]
        for label, sel in [*groups, ("all", rows)]:
            if not sel:
                continue
            v, vn, vmax = mean(sel, "variation"), mean(sel, "variation_net"), max(r["variation_net_max"] for r in sel)
            table.setdefault("variation", {})[label] = {"n": len(sel), "full": v, "frame": vn, "frameMax": vmax}
            bars = " / ".join("met" if x >= BAR_VARIATION else "NOT met" for x in (v, vn))
            print(f"| {label} | {len(sel)} | {v:.2f} | {vn:.2f} | {vmax:.0f} | {bars} |")
    json.dump({"table": table, "rows": rows}, open(os.path.join(args.run, "table.json"), "w"), indent=1)
    for name, strips in sheets.items():
        write_sheet(os.path.join(args.run, f"sheet-{name}.png"), strips)
    print(
        f"\nsheets: {args.run}/sheet-smile.png (neutral | mask + sketch + colour | ours | Telea | real smile), "
        "sheet-handdrawn.png (mask + hand-drawn sketch | ours | Telea | real), "
        "sheet-variation.png (mask + sketch | seed A | seed B | |A - B| x 10)"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("step", nargs="?", choices=("prepare", "score"), default="score")
    p.add_argument("--run", default=os.environ.get("FACESHOP_EVAL_OUT", os.path.join(tempfile.gettempdir(), "faceshop-edit-eval")))
    p.add_argument("--portraits", default=os.environ.get("FACESHOP_PORTRAITS", portraits.ROOT))
    p.add_argument("--names", default=",".join(n for n in portraits.HELD_OUT if n.startswith("london/")))
    p.add_argument("--min-cc", type=float, default=0.95, help="smile pairs registered worse than this are left out")
    p.add_argument("--sheet-rows", type=int, default=6, help="smile rows")
    p.add_argument("--sheet-rows-per-part", type=int, default=3, help="hand-drawn rows per part")
    args = p.parse_args()
    if args.step == "prepare":
        prepare(args)
    else:
        score(args)


if __name__ == "__main__":
    main()
