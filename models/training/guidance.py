"""Training-time guidance: masks and colour strokes, drawn per sample with numpy + OpenCV.

Everything here works in face coordinates of an aligned face resized to `size` x `size`
(UTKFace's dlib-aligned crops put the eyes, nose and mouth at nearly fixed places, measured
from the mean face of the training shards; see FACE_PARTS). All randomness comes from the
`numpy.random.Generator` passed in, so a seed reproduces a sample exactly.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

# Centres and half-sizes of face parts as fractions of the aligned frame (x, y, half_w, half_h),
# measured on the mean of the training faces (left/right are image left/right).
FACE_PARTS: dict[str, tuple[float, float, float, float]] = {
    "left_eye": (0.295, 0.285, 0.11, 0.06),
    "right_eye": (0.705, 0.285, 0.11, 0.06),
    "left_brow": (0.29, 0.215, 0.13, 0.045),
    "right_brow": (0.71, 0.215, 0.13, 0.045),
    "nose": (0.5, 0.45, 0.09, 0.12),
    "mouth": (0.5, 0.70, 0.15, 0.075),
}
EYES = ("left_eye", "right_eye")

MASK_KINDS = ("free_form", "rectangle", "part", "large", "full")
MASK_WEIGHTS = (0.3, 0.12, 0.33, 0.15, 0.1)


def _free_form(rng: np.random.Generator, size: int, strokes: tuple[int, int] = (2, 6)) -> np.ndarray:
    mask = np.zeros((size, size), np.uint8)
    for _ in range(rng.integers(*strokes)):
        x, y = rng.uniform(0.15, 0.85, 2) * size
        angle = rng.uniform(0, 2 * math.pi)
        width = int(rng.uniform(0.04, 0.12) * size)
        for _ in range(rng.integers(3, 8)):
            angle += rng.normal(0, 0.8)
            length = rng.uniform(0.05, 0.2) * size
            nx = float(np.clip(x + length * math.cos(angle), 0, size - 1))
            ny = float(np.clip(y + length * math.sin(angle), 0, size - 1))
            cv2.line(mask, (int(x), int(y)), (int(nx), int(ny)), 1, width)
            cv2.circle(mask, (int(nx), int(ny)), width // 2, 1, -1)
            x, y = nx, ny
    return mask


def _rotated_rect(rng: np.random.Generator, size: int, cx: float, cy: float, hw: float, hh: float) -> np.ndarray:
    mask = np.zeros((size, size), np.uint8)
    box = ((cx * size, cy * size), (2 * hw * size, 2 * hh * size), float(rng.uniform(-25, 25)))
    cv2.fillPoly(mask, [np.int32(cv2.boxPoints(box))], 1)
    return mask


def part_mask(rng: np.random.Generator, size: int, parts: tuple[str, ...], jitter: float = 0.03) -> np.ndarray:
    """A soft-cornered region around aligned face parts, jittered in place and size."""
    mask = np.zeros((size, size), np.uint8)
    for name in parts:
        cx, cy, hw, hh = FACE_PARTS[name]
        cx += rng.normal(0, jitter)
        cy += rng.normal(0, jitter)
        grow = rng.uniform(1.0, 1.5)
        axes = (int(hw * grow * size), int(hh * grow * size * rng.uniform(1.0, 1.4)))
        if rng.random() < 0.5:
            cv2.ellipse(mask, (int(cx * size), int(cy * size)), axes, float(rng.uniform(-10, 10)), 0, 360, 1, -1)
        else:
            mask |= _rotated_rect(rng, size, cx, cy, axes[0] / size, axes[1] / size)
    return mask


def random_mask(rng: np.random.Generator, size: int, kind: str | None = None) -> tuple[np.ndarray, str]:
    """One training mask (uint8, 1 = synthesize) and its kind."""
    if kind is None:
        kind = str(rng.choice(MASK_KINDS, p=MASK_WEIGHTS))
    if kind == "free_form":
        mask = _free_form(rng, size)
    elif kind == "rectangle":
        cx, cy = rng.uniform(0.3, 0.7, 2)
        hw, hh = rng.uniform(0.08, 0.25, 2)
        mask = _rotated_rect(rng, size, cx, cy, hw, hh)
    elif kind == "part":
        options = (EYES[:1], EYES[1:], EYES, ("left_brow", "left_eye"), ("right_brow", "right_eye"), ("nose",), ("mouth",), ("left_brow", "right_brow"), ("nose", "mouth"))
        mask = part_mask(rng, size, options[rng.integers(len(options))])
    elif kind == "large":
        # >= 40% of the frame: the completion task at its hardest, close to translation.
        while True:
            cx, cy = rng.uniform(0.4, 0.6, 2)
            hw, hh = rng.uniform(0.33, 0.48, 2)
            mask = _rotated_rect(rng, size, cx, cy, hw, hh) | _free_form(rng, size, (1, 3))
            if mask.mean() >= 0.4:
                break
    elif kind == "full":
        # The translation task: everything (or nearly) from sketch + colour alone.
        mask = np.ones((size, size), np.uint8)
        if rng.random() < 0.5:
            m = int(rng.uniform(0.0, 0.08) * size)
            mask[:] = 0
            mask[m : size - m, m : size - m] = 1
    else:
        raise ValueError(f"unknown mask kind {kind!r}")
    return mask, kind


def filtered_colors(image_u8: np.ndarray) -> np.ndarray:
    """The colour source for strokes: median then bilateral filter (flat regions, kept edges)."""
    return cv2.bilateralFilter(cv2.medianBlur(image_u8, 5), 7, 40, 5)


def color_strokes(
    rng: np.random.Generator,
    filtered: np.ndarray,
    region: np.ndarray,
    count: tuple[int, int] = (3, 12),
    tolerance: float = 34.0,
) -> np.ndarray:
    """RGBA uint8 colour strokes inside `region`, each staying in a region of uniform colour.

    We have no face-parsing labels, so a stroke walks from a random start with a smoothly
    turning direction and stops as soon as the filtered colour under it moves more than
    `tolerance` (RGB distance) from where it started: strokes stay inside hair, skin, lips...
    Its colour is the mean filtered colour along the walk.
    """
    size = filtered.shape[0]
    out = np.zeros((size, size, 4), np.uint8)
    ys, xs = np.nonzero(region)
    if len(xs) == 0:
        return out
    f = filtered.astype(np.float32)
    for _ in range(rng.integers(*count)):
        i = rng.integers(len(xs))
        x, y = float(xs[i]), float(ys[i])
        start = f[int(y), int(x)]
        angle = rng.uniform(0, 2 * math.pi)
        step = max(1.0, size / 48)
        points = [(x, y)]
        for _ in range(rng.integers(6, 50)):
            angle += rng.normal(0, 0.35)
            nx, ny = x + step * math.cos(angle), y + step * math.sin(angle)
            if not (0 <= nx < size and 0 <= ny < size):
                break
            if np.linalg.norm(f[int(ny), int(nx)] - start) > tolerance:
                break
            x, y = nx, ny
            points.append((x, y))
        colour = np.mean([f[int(py), int(px)] for px, py in points], axis=0)
        width = max(1, int(rng.uniform(0.012, 0.04) * size))
        pts = np.int32(np.round(points)).reshape(-1, 1, 2)
        c = (int(colour[0]), int(colour[1]), int(colour[2]), 255)
        if len(points) == 1:
            cv2.circle(out, (int(x), int(y)), width, c, -1)
        else:
            cv2.polylines(out, [pts], False, c, width)
    return out


def iris_marks(rng: np.random.Generator, filtered: np.ndarray, out: np.ndarray) -> None:
    """Iris-tool-like marks: a filled disc (or ring) of the iris colour at each eye, in place.

    The darkest small blob near the aligned eye position is taken as the iris centre; its
    colour is the mean filtered colour of the disc, as a user would pick it.
    """
    size = filtered.shape[0]
    grey = cv2.cvtColor(filtered, cv2.COLOR_RGB2GRAY).astype(np.float32)
    radius = max(2, int(round(size * rng.uniform(0.028, 0.04))))
    for name in EYES:
        cx, cy, hw, hh = FACE_PARTS[name]
        x0, x1 = int((cx - hw * 0.8) * size), int((cx + hw * 0.8) * size)
        y0, y1 = int((cy - hh) * size), int((cy + hh) * size)
        window = cv2.blur(grey[y0:y1, x0:x1], (radius, radius))
        iy, ix = np.unravel_index(int(np.argmin(window)), window.shape)
        centre = (x0 + int(ix), y0 + int(iy))
        disc = np.zeros((size, size), np.uint8)
        cv2.circle(disc, centre, radius, 1, -1)
        colour = filtered[disc.astype(bool)].mean(axis=0)
        c = (int(colour[0]), int(colour[1]), int(colour[2]), 255)
        if rng.random() < 0.5:
            cv2.circle(out, centre, radius, c, -1)
        else:
            cv2.circle(out, centre, radius, c, max(1, radius // 2))
