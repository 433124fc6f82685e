"""Evaluate the generator on the held-out faces against OpenCV's Telea inpainting.

    /usr/bin/python3 models/training/evaluate.py [-n 60] [--checkpoint models/training/resume.pt]

For each mask type (eyes, mouth, nose, free-form, large >= 40%), the same held-out faces get the
same mask, the sketch of the real photo (the app's thresholds, no ambiguity) inside the mask and
a few colour strokes. Reported per type, on the masked region only:
- PSNR, SSIM (the SSIM map averaged over masked pixels) and L1 against the real photo;
- sketch F1: the sketch domain applied to the output, compared with the input sketch inside the
  mask with a 2-pixel tolerance (precision: output lines near input lines; recall: input lines
  near output lines).
Telea gets the same masked photo (it cannot use strokes: that is the point of the comparison).
Writes eval.json (the table, for the manifest) and a contact sheet
(input | sketch | ours | Telea | real) under runs/ — it shows held-out training faces, keep it
out of git.
"""

from __future__ import annotations

import argparse
import json
import os

import cv2
import numpy as np
import torch
import torch.nn.functional as F
from skimage.metrics import structural_similarity

import data
import guidance
from export import load_generator
from sketch_domain import DEFAULT_THRESHOLDS, SketchDomain

HERE = os.path.dirname(os.path.abspath(__file__))
MASK_TYPES = ("eyes", "mouth", "nose", "free_form", "large")
BAR_PSNR_GAIN = 3.0
BAR_F1 = 0.5


def make_mask(rng: np.random.Generator, kind: str) -> np.ndarray:
    if kind == "eyes":
        return guidance.part_mask(rng, data.FRAME, guidance.EYES, jitter=0.01)
    if kind == "mouth":
        return guidance.part_mask(rng, data.FRAME, ("mouth",), jitter=0.01)
    if kind == "nose":
        return guidance.part_mask(rng, data.FRAME, ("nose",), jitter=0.01)
    return guidance.random_mask(rng, data.FRAME, kind)[0]


def sketch_f1(pred: np.ndarray, target: np.ndarray, mask: np.ndarray, tol: int = 2) -> float:
    pred = pred.astype(bool) & mask.astype(bool)
    target = target.astype(bool) & mask.astype(bool)
    if target.sum() == 0 and pred.sum() == 0:
        return 1.0
    if target.sum() == 0 or pred.sum() == 0:
        return 0.0
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * tol + 1, 2 * tol + 1))
    near_target = cv2.dilate(target.astype(np.uint8), k).astype(bool)
    near_pred = cv2.dilate(pred.astype(np.uint8), k).astype(bool)
    precision = (pred & near_target).sum() / pred.sum()
    recall = (target & near_pred).sum() / target.sum()
    return float(0 if precision + recall == 0 else 2 * precision * recall / (precision + recall))


def region_metrics(out: np.ndarray, real: np.ndarray, mask: np.ndarray) -> tuple[float, float, float]:
    """PSNR, SSIM, L1 over masked pixels; images float in [0,1], HxWx3."""
    m = mask.astype(bool)
    diff = out[m] - real[m]
    mse = float((diff**2).mean())
    psnr = 10 * np.log10(1.0 / max(mse, 1e-10))
    _, ssim_map = structural_similarity(out, real, channel_axis=2, data_range=1.0, full=True)
    return psnr, float(ssim_map.mean(axis=2)[m].mean()), float(np.abs(diff).mean())


def to_u8(x: np.ndarray) -> np.ndarray:
    return (np.clip(x, 0, 1) * 255).round().astype(np.uint8)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("-n", type=int, default=60, help="held-out faces per mask type")
    p.add_argument("--checkpoint", default=os.path.join(HERE, "resume.pt"))
    p.add_argument("--out", default=os.path.join(HERE, "eval.json"))
    p.add_argument("--sheet", default=os.path.join(HERE, "runs", "eval_sheet.png"))
    args = p.parse_args()
    torch.set_num_threads(2)
    g, state = load_generator(args.checkpoint)
    sketcher = SketchDomain().eval()
    _, val = data.load_faces()
    thresholds = torch.tensor([DEFAULT_THRESHOLDS])
    table: dict[str, dict[str, float]] = {}
    sheet_rows = []
    for t, kind in enumerate(MASK_TYPES):
        rng = np.random.default_rng(1000 + t)
        gen = torch.Generator().manual_seed(1000 + t)
        acc = {k: [] for k in ("psnr", "ssim", "l1", "f1", "telea_psnr", "telea_ssim", "telea_l1", "telea_f1")}
        for j in range(args.n):
            idx = (j * 7 + t) % len(val.names)
            real_u8 = val.decode(idx)
            mask = make_mask(rng, kind)
            filtered = guidance.filtered_colors(real_u8)
            color = guidance.color_strokes(rng, filtered, mask, count=(2, 6))
            if kind == "eyes":
                guidance.iris_marks(rng, filtered, color)
            real = torch.from_numpy(real_u8).permute(2, 0, 1).float().unsqueeze(0) / 255
            mask_t = torch.from_numpy(mask).float()[None, None]
            with torch.no_grad():
                sketch_full = sketcher(real, thresholds)
                sketch_in = sketch_full * mask_t
                color_t = torch.from_numpy(color).permute(2, 0, 1).float().unsqueeze(0) / 255
                noise = torch.randn(1, 1, data.FRAME, data.FRAME, generator=gen)
                out = g(real, mask_t, sketch_in, color_t, noise)
                out_sketch = sketcher(out, thresholds)[0, 0].numpy()
            out_np = out[0].permute(1, 2, 0).numpy()
            real_np = real_u8.astype(np.float32) / 255
            telea_u8 = cv2.inpaint(real_u8, mask, 5, cv2.INPAINT_TELEA)
            telea_np = telea_u8.astype(np.float32) / 255
            with torch.no_grad():
                telea_sketch = sketcher(torch.from_numpy(telea_np).permute(2, 0, 1)[None], thresholds)[0, 0].numpy()
            sk = sketch_in[0, 0].numpy()
            for prefix, img, osk in (("", out_np, out_sketch), ("telea_", telea_np, telea_sketch)):
                psnr, ssim, l1 = region_metrics(img, real_np, mask)
                acc[prefix + "psnr"].append(psnr)
                acc[prefix + "ssim"].append(ssim)
                acc[prefix + "l1"].append(l1)
                acc[prefix + "f1"].append(sketch_f1(osk, sk, mask))
            if j < 2:
                masked_vis = real_np * (1 - mask[..., None]) + 0.5 * mask[..., None]
                a = (color[..., 3:] / 255.0) * mask[..., None]
                masked_vis = masked_vis * (1 - a) + color[..., :3] / 255.0 * a
                sketch_vis = np.repeat((1 - sk)[..., None], 3, axis=2)
                sheet_rows.append(np.concatenate([to_u8(x) for x in (masked_vis, sketch_vis, out_np, telea_np, real_np)], axis=1))
        table[kind] = {k: round(float(np.mean(v)), 4) for k, v in acc.items()}
        table[kind]["n"] = args.n
    print(f"{'mask':10s} {'PSNR':>7s} {'Telea':>7s} {'gain':>6s} {'SSIM':>6s} {'Telea':>6s} {'L1':>6s} {'Telea':>6s} {'F1':>5s} {'Telea':>5s}  bar")
    ok_all = True
    for kind, r in table.items():
        gain = r["psnr"] - r["telea_psnr"]
        ok = gain >= BAR_PSNR_GAIN and r["f1"] >= BAR_F1
        ok_all &= ok
        print(
            f"{kind:10s} {r['psnr']:7.2f} {r['telea_psnr']:7.2f} {gain:+6.2f} {r['ssim']:6.3f} {r['telea_ssim']:6.3f} "
            f"{r['l1']:6.4f} {r['telea_l1']:6.4f} {r['f1']:5.2f} {r['telea_f1']:5.2f}  {'met' if ok else 'NOT met'}"
        )
    result = {"imagesSeen": int(state["images_seen"]), "trainingHours": round(float(state["seconds"]) / 3600, 2), "barMet": ok_all, "byMask": table}
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    os.makedirs(os.path.dirname(args.sheet), exist_ok=True)
    cv2.imwrite(args.sheet, cv2.cvtColor(np.concatenate(sheet_rows, axis=0), cv2.COLOR_RGB2BGR))
    print(f"images seen {result['imagesSeen']}, bar {'met' if ok_all else 'NOT met'}; sheet {args.sheet}")


if __name__ == "__main__":
    main()
