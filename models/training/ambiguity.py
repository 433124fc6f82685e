"""Training-time ambiguity for sketches: make clean edge maps look like imperfect drawings.

The network must treat lines as hints, not as exact edges (FaceShop, sec. 4): people draw
broken, wobbly, incomplete lines of varying width. Applied on the fly, batched, in torch:
random thresholds (sampled in `random_thresholds`, fed to the sketch graph), dropped regions,
broken segments, a smooth random warp, varying width, and stray strokes (drawn in data.py).
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from sketch_domain import DEFAULT_THRESHOLDS


def random_thresholds(gen: torch.Generator, n: int) -> torch.Tensor:
    """(low, high) per sample, log-uniform around the app's defaults: sparser and denser sketches."""
    low0, high0 = DEFAULT_THRESHOLDS
    f = torch.exp(torch.empty(n).uniform_(-0.55, 0.55, generator=gen))
    ratio = torch.empty(n).uniform_(0.3, 0.55, generator=gen)
    high = high0 * f
    return torch.stack([high * ratio, high], dim=1)


def _low_freq_noise(gen: torch.Generator, n: int, size: int, cells: int) -> torch.Tensor:
    noise = torch.rand(n, 1, cells, cells, generator=gen)
    return F.interpolate(noise, size=(size, size), mode="bicubic", align_corners=False)


def perturb(sketch: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """sketch [N,1,S,S] in {0,1} -> a hand-drawn-looking version, still in {0,1}."""
    n, _, size, _ = sketch.shape
    out = sketch
    # Smooth warp: displacement of up to ~1.5% of the frame, varying slowly across it.
    amp = torch.empty(n, 1, 1, 1).uniform_(0.0, 0.015, generator=gen)
    flow = (_low_freq_noise(gen, n, size, 5).repeat(1, 2, 1, 1) - 0.5) * 2
    flow[:, 1:] = (_low_freq_noise(gen, n, size, 5) - 0.5) * 2
    base_y, base_x = torch.meshgrid(torch.linspace(-1, 1, size), torch.linspace(-1, 1, size), indexing="ij")
    grid = torch.stack([base_x, base_y], dim=-1).unsqueeze(0) + (flow * amp).permute(0, 2, 3, 1)
    out = F.grid_sample(out, grid, mode="bilinear", padding_mode="zeros", align_corners=True)
    out = (out > 0.25).float()
    # Varying width: some sketches get a 2-px pen.
    thick = (torch.rand(n, 1, 1, 1, generator=gen) < 0.3).float()
    dilated = F.max_pool2d(F.pad(out, (0, 1, 0, 1)), 2, stride=1)
    out = thick * dilated + (1 - thick) * out
    # Dropped regions: whole parts of the drawing left out (people draw only what they change).
    keep_level = torch.empty(n, 1, 1, 1).uniform_(0.0, 0.45, generator=gen)
    out = out * (_low_freq_noise(gen, n, size, 6) > keep_level).float()
    # Broken segments: short gaps along lines.
    gaps = torch.empty(n, 1, 1, 1).uniform_(0.0, 0.25, generator=gen)
    out = out * (_low_freq_noise(gen, n, size, size // 6) > gaps).float()
    return out
