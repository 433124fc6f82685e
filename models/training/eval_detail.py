"""Scores the portrait edits that `tests/bench/detail-eval.ts` wrote (npm run eval:detail).

For each edit (held-out portrait × part) it compares, inside the person's hard mask, every
variant of the finish stage the bench wrote from one network output:
  base      the network output upsampled alone,
  transfer  the detail stage (the photo's own fine detail carried in),
  refiner   the learned refiner alone, and both (refiner, then the detail stage), when one ran,
  telea     OpenCV's Telea inpainting of the same mask on the full photo,
against the real photo: masked PSNR (RGB) and the detail ratio (mean |high-pass| of luminance,
Gaussian sigma 1.5 px, output / real photo), plus the detail ratio of a 6-px band just inside the
mask's edge against the same band of the real photo (a step in grain at the seam shows there),
and "stripes": the vertical/horizontal change of the high-pass inside the mask, output / real
photo (1 = the photo's own balance; well above 1 = horizontal streaks).
Writes `table.json`, prints a markdown table, and draws one 1:1 contact sheet per part
(masked input | each variant | Telea | real) as `sheet-<part>.png` in the run folder (git-ignored:
the portraits are CC-BY, credited in ../shared/datasets/portraits/README.md).
"""
from __future__ import annotations

import argparse
import json
import math
import os

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def luminance(rgb: np.ndarray) -> np.ndarray:
    return rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114


def signed_highpass(rgb: np.ndarray) -> np.ndarray:
    """Luminance minus its Gaussian low-pass (sigma 1.5 px); its magnitude is the detail."""
    lum = luminance(rgb.astype(np.float32))
    return lum - cv2.GaussianBlur(lum, (0, 0), 1.5)


def stripes(hp: np.ndarray, mask: np.ndarray) -> float:
    """Vertical over horizontal change of the signed high-pass inside the mask: ~1.1 on real
    skin; far above it, the region has horizontal streaks (scanlines) that the detail ratio
    alone would reward."""
    dy = np.abs(np.diff(hp, axis=0))[mask[1:, :] & mask[:-1, :]].mean()
    dx = np.abs(np.diff(hp, axis=1))[mask[:, 1:] & mask[:, :-1]].mean()
    return float(dy / max(1e-6, dx))


def psnr(a: np.ndarray, b: np.ndarray, m: np.ndarray) -> float:
    d = (a.astype(np.float64) - b.astype(np.float64))[m]
    mse = float((d * d).mean())
    return 99.0 if mse == 0 else 10 * math.log10(255 * 255 / mse)


def read_rgb(path: str) -> np.ndarray:
    bgr = cv2.imread(path, cv2.IMREAD_COLOR)
    if bgr is None:
        raise SystemExit(f"eval_detail: cannot read {path}")
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--run", default=os.path.join(HERE, "runs", "detail"))
    p.add_argument("--sheet-rows", type=int, default=6)
    args = p.parse_args()
    cases_path = os.path.join(args.run, "cases.json")
    if not os.path.exists(cases_path):
        print(f"eval_detail: skipped — no {cases_path} (run the detail-eval bench first)")
        return
    cases = json.load(open(cases_path))
    rows: list[dict] = []
    crops: dict[str, list[np.ndarray]] = {}
    photos: dict[str, np.ndarray] = {}
    for c in cases:
        if c["photo"] not in photos:
            photos = {c["photo"]: read_rgb(c["photo"])}
        real_full = photos[c["photo"]]
        r = c["region"]
        sl = (slice(r["top"], r["top"] + r["height"]), slice(r["left"], r["left"] + r["width"]))
        real = real_full[sl]
        mask = cv2.imread(os.path.join(args.run, f"{c['id']}-mask.png"), cv2.IMREAD_GRAYSCALE) > 127
        variants = c.get("variants", ["ours", "base"])
        made = {v: read_rgb(os.path.join(args.run, f"{c['id']}-{v}.png")) for v in variants}
        full_mask = np.zeros(real_full.shape[:2], np.uint8)
        full_mask[sl][mask] = 255
        telea = cv2.inpaint(real_full, full_mask, 5, cv2.INPAINT_TELEA)[sl]
        signed_real = signed_highpass(real)
        hp_real = np.abs(signed_real)
        stripes_real = stripes(signed_real, mask)
        inner = mask & ~cv2.dilate((~mask).astype(np.uint8), np.ones((13, 13), np.uint8)).astype(bool)
        band = mask & ~inner
        row = {"id": c["id"], "part": c["part"]}
        for name, img in [*made.items(), ("telea", telea)]:
            signed = signed_highpass(img)
            hp = np.abs(signed)
            row[f"psnr_{name}"] = psnr(img, real, mask)
            row[f"detail_{name}"] = float(hp[mask].mean() / max(1e-6, hp_real[mask].mean()))
            row[f"band_{name}"] = float(hp[band].mean() / max(1e-6, hp_real[band].mean()))
            row[f"stripes_{name}"] = stripes(signed, mask) / max(1e-6, stripes_real)
        rows.append(row)
        # A 1:1 crop around the mask, at most 320 px square.
        ys, xs = np.nonzero(mask)
        cy, cx = (ys.min() + ys.max()) // 2, (xs.min() + xs.max()) // 2
        half = min(160, max(ys.max() - ys.min(), xs.max() - xs.min()) // 2 + 24)
        y0, x0 = max(0, cy - half), max(0, cx - half)
        y1, x1 = min(real.shape[0], cy + half), min(real.shape[1], cx + half)
        shown = real.copy().astype(np.float32)
        shown[mask] = shown[mask] * 0.45 + np.array([255, 40, 40]) * 0.55
        tiles = [shown.astype(np.uint8), *made.values(), telea, real]
        tiles = [t[y0:y1, x0:x1] for t in tiles]
        h = max(t.shape[0] for t in tiles)
        w = max(t.shape[1] for t in tiles)
        strip = np.full((h, len(tiles) * (w + 4), 3), 255, np.uint8)
        for i, t in enumerate(tiles):
            strip[: t.shape[0], i * (w + 4) : i * (w + 4) + t.shape[1]] = t
        crops.setdefault(c["part"], []).append(strip)

    parts = sorted({r["part"] for r in rows}, key=lambda s: ["eye-right", "eye-left", "nose", "mouth", "blemish"].index(s) if s in ["eye-right", "eye-left", "nose", "mouth", "blemish"] else 9)
    table = {}
    names = [*cases[0].get("variants", ["ours", "base"]), "telea"]
    print("| part | n | " + " | ".join(f"PSNR {n}" for n in names) + " | " + " | ".join(f"detail {n}" for n in names) + " | " + " | ".join(f"edge {n}" for n in names[:-1]) + " | " + " | ".join(f"stripes {n}" for n in names[:-1]) + " |")
    print("|" + " --- |" * (2 + 4 * len(names) - 2))
    for part in parts:
        sel = [r for r in rows if r["part"] == part]
        mean = {k: float(np.mean([r[k] for r in sel])) for k in sel[0] if k not in ("id", "part")}
        table[part] = {"n": len(sel), **mean}
        print(
            f"| {part} | {len(sel)} | "
            + " | ".join(f"{mean['psnr_' + n]:.2f}" for n in names)
            + " | "
            + " | ".join(f"{mean['detail_' + n]:.2f}" for n in names)
            + " | "
            + " | ".join(f"{mean['band_' + n]:.2f}" for n in names[:-1])
            + " | "
            + " | ".join(f"{mean['stripes_' + n]:.2f}" for n in names[:-1])
            + " |"
        )
    json.dump({"table": table, "rows": rows}, open(os.path.join(args.run, "table.json"), "w"), indent=1)
    for part, strips in crops.items():
        strips = strips[: args.sheet_rows]
        w = max(s.shape[1] for s in strips)
        sheet = np.full((sum(s.shape[0] + 4 for s in strips), w, 3), 255, np.uint8)
        y = 0
        for s in strips:
            sheet[y : y + s.shape[0], : s.shape[1]] = s
            y += s.shape[0] + 4
        cv2.imwrite(os.path.join(args.run, f"sheet-{part}.png"), cv2.cvtColor(sheet, cv2.COLOR_RGB2BGR))
    print(f"sheets: {args.run}/sheet-<part>.png (masked input | each variant | Telea | real)")


if __name__ == "__main__":
    main()
