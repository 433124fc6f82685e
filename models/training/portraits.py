"""The studio portraits (../shared/datasets/portraits, CC-BY 4.0) as training material.

Held out by name from anything trained or tuned on them: the 20 portraits below (the same list
as tests/bench/detail-eval.ts, which evaluates on them) and the smiling photos of the same London
people. `face_frames` crops every other portrait to the network's training frame — the face
framed as the UTKFace aligned crops frame it (measured on the app's detected work areas: a square
of 2.8 times the distance between the pupils, centred 0.59 of that distance below the eyes) —
at the 256-px working frame, so the generator also learns sharp studio faces like the ones users
bring, not only 200-px web JPEGs.
"""
from __future__ import annotations

import glob
import os

import cv2
import numpy as np

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "datasets", "portraits")

HELD_OUT = [
    "london/070_03", "london/083_03", "london/092_03", "london/101_03", "london/108_03",
    "london/117_03", "london/124_03", "london/131_03", "london/138_03", "london/144_03",
    "london/172_03", "london/173_03", "canada/003f", "canada/019f", "canada/026f",
    "canada/049f", "canada/063f", "canada/095m", "canada/110m", "canada/119m",
]
_HELD_OUT_PEOPLE = {n.split("/")[1].split("_")[0] for n in HELD_OUT if n.startswith("london/")}

FRAME_PER_IPD = 2.8
CENTRE_BELOW_EYES = 0.59


def is_held_out(name: str) -> bool:
    folder, stem = name.split("/")
    return name in HELD_OUT or (folder == "london" and stem.split("_")[0] in _HELD_OUT_PEOPLE)


def template(name: str, root: str = ROOT) -> np.ndarray | None:
    """The 189 landmark points (a smiling photo uses its neutral one's), or None."""
    path = os.path.join(root, name.replace("_08", "_03") + ".tem")
    if not os.path.exists(path):
        return None
    lines = open(path).read().split("\n")
    return np.array([[float(v) for v in line.split()[:2]] for line in lines[1 : 1 + int(lines[0])]])


def training_names(root: str = ROOT) -> list[str]:
    names = []
    for path in sorted(glob.glob(os.path.join(root, "*", "*.jpg"))):
        name = os.path.relpath(path, root)[:-4].replace(os.sep, "/")
        if not is_held_out(name):
            names.append(name)
    return names


def face_frame(image: np.ndarray, points: np.ndarray, size: int) -> np.ndarray:
    """The training-aligned square around the face, resampled to size² (edges repeated)."""
    right, left = points[0], points[1]
    ipd = float(np.hypot(*(left - right)))
    side = FRAME_PER_IPD * ipd
    cx = (right[0] + left[0]) / 2
    cy = (right[1] + left[1]) / 2 + CENTRE_BELOW_EYES * ipd
    s = size / side
    affine = np.float32([[s, 0, size / 2 - s * cx], [0, s, size / 2 - s * cy]])
    # Area-average first, as the app's Lanczos downsampling of the work area does.
    return cv2.warpAffine(image, affine, (size, size), flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE)


def face_frames(size: int = 256, root: str = ROOT) -> list[tuple[str, bytes]]:
    """(name, PNG bytes of the face frame) for every training portrait with a template."""
    out = []
    for name in training_names(root):
        points = template(name, root)
        bgr = cv2.imread(os.path.join(root, name + ".jpg"), cv2.IMREAD_COLOR)
        if points is None or bgr is None:
            continue
        # Shrink in halves to about twice the frame first, so the final resampling is a true area average.
        ipd = float(np.hypot(*(points[1] - points[0])))
        while FRAME_PER_IPD * ipd > 4 * size:
            bgr = cv2.resize(bgr, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
            points = points / 2
            ipd /= 2
        frame = face_frame(bgr, points, size)
        ok, png = cv2.imencode(".png", frame)
        if ok:
            out.append((name, png.tobytes()))
    return out
