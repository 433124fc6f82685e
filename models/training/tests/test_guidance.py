"""Unit tests of the training-data synthesis (no dataset needed: generated pictures).

    /usr/bin/python3 -m unittest discover -s models/training/tests
"""

from __future__ import annotations

import os
import sys
import unittest

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import ambiguity  # noqa: E402
import guidance  # noqa: E402
from network import Generator, seam_correction  # noqa: E402
from sketch_domain import DEFAULT_THRESHOLDS, SketchDomain  # noqa: E402


def face_like(size: int = 256) -> np.ndarray:
    """A skin-toned ellipse with dark eyes and a red mouth on a grey background."""
    yy, xx = np.mgrid[0:size, 0:size]
    img = np.full((size, size, 3), 90, np.uint8)
    inside = ((xx - size / 2) / (size * 0.38)) ** 2 + ((yy - size / 2) / (size * 0.48)) ** 2 < 1
    img[inside] = (205, 160, 135)
    for cx in (0.295, 0.705):
        eye = (xx - cx * size) ** 2 + (yy - 0.285 * size) ** 2 < (size * 0.04) ** 2
        img[eye] = (60, 40, 30)
    mouth = (np.abs(yy - 0.7 * size) < size * 0.02) & (np.abs(xx - size / 2) < size * 0.12)
    img[mouth] = (170, 60, 70)
    return img


class MaskTests(unittest.TestCase):
    def test_every_kind_is_binary_non_empty_and_seeded(self) -> None:
        for kind in guidance.MASK_KINDS:
            a, k = guidance.random_mask(np.random.default_rng(3), 256, kind)
            b, _ = guidance.random_mask(np.random.default_rng(3), 256, kind)
            self.assertEqual(k, kind)
            self.assertEqual(a.shape, (256, 256))
            self.assertTrue(set(np.unique(a)) <= {0, 1})
            self.assertGreater(a.sum(), 0)
            np.testing.assert_array_equal(a, b)

    def test_large_masks_cover_at_least_40_percent(self) -> None:
        rng = np.random.default_rng(1)
        for _ in range(10):
            self.assertGreaterEqual(guidance.random_mask(rng, 128, "large")[0].mean(), 0.4)

    def test_part_masks_sit_on_their_part(self) -> None:
        mask = guidance.part_mask(np.random.default_rng(0), 256, ("mouth",), jitter=0.0)
        ys, xs = np.nonzero(mask)
        self.assertAlmostEqual(ys.mean() / 256, guidance.FACE_PARTS["mouth"][1], delta=0.03)
        self.assertAlmostEqual(xs.mean() / 256, 0.5, delta=0.03)


class ColorStrokeTests(unittest.TestCase):
    def test_strokes_stay_in_the_region_and_in_uniform_colour(self) -> None:
        img = face_like()
        filtered = guidance.filtered_colors(img)
        region = np.zeros((256, 256), np.uint8)
        region[100:200, 60:200] = 1
        strokes = guidance.color_strokes(np.random.default_rng(5), filtered, region)
        alpha = strokes[..., 3] > 0
        self.assertGreater(alpha.sum(), 0)
        self.assertTrue(set(np.unique(strokes[..., 3])) <= {0, 255})
        # Every stroke colour is one of the picture's flat colours (within the tolerance).
        colours = strokes[alpha][:, :3].astype(int)
        palette = np.array([(90, 90, 90), (205, 160, 135), (60, 40, 30), (170, 60, 70)])
        nearest = np.abs(colours[:, None, :] - palette[None]).sum(-1).min(1)
        self.assertLess(np.percentile(nearest, 95), 60)

    def test_iris_marks_land_on_the_eyes(self) -> None:
        img = face_like()
        out = np.zeros((256, 256, 4), np.uint8)
        guidance.iris_marks(np.random.default_rng(2), guidance.filtered_colors(img), out)
        ys, xs = np.nonzero(out[..., 3])
        left = xs < 128
        self.assertAlmostEqual(xs[left].mean() / 256, 0.295, delta=0.04)
        self.assertAlmostEqual(ys.mean() / 256, 0.285, delta=0.04)


class SketchAndAmbiguityTests(unittest.TestCase):
    def setUp(self) -> None:
        self.sketcher = SketchDomain().eval()
        self.image = torch.from_numpy(face_like()).permute(2, 0, 1).float().unsqueeze(0) / 255

    def test_sketch_is_binary_thin_and_deterministic(self) -> None:
        with torch.no_grad():
            a = self.sketcher(self.image, torch.tensor([DEFAULT_THRESHOLDS]))
            b = self.sketcher(self.image, torch.tensor([DEFAULT_THRESHOLDS]))
        self.assertTrue(torch.equal(a, b))
        self.assertTrue(set(a.unique().tolist()) <= {0.0, 1.0})
        blocks = a[..., :-1, :-1] * a[..., 1:, :-1] * a[..., :-1, 1:] * a[..., 1:, 1:]
        self.assertEqual(float(blocks.sum()), 0.0)
        self.assertGreater(float(a.mean()), 0.005)

    def test_flat_image_is_empty(self) -> None:
        flat = torch.full((1, 3, 96, 96), 0.6)
        with torch.no_grad():
            self.assertEqual(float(self.sketcher(flat, torch.tensor([DEFAULT_THRESHOLDS])).sum()), 0.0)

    def test_perturbation_keeps_binary_values_and_is_seeded(self) -> None:
        with torch.no_grad():
            s = self.sketcher(self.image.repeat(2, 1, 1, 1), torch.tensor([DEFAULT_THRESHOLDS] * 2))
        a = ambiguity.perturb(s, torch.Generator().manual_seed(4))
        b = ambiguity.perturb(s, torch.Generator().manual_seed(4))
        self.assertTrue(torch.equal(a, b))
        self.assertTrue(set(a.unique().tolist()) <= {0.0, 1.0})
        self.assertLessEqual(float(a.sum()), float(s.sum()) * 2.5)

    def test_random_thresholds_keep_low_below_high(self) -> None:
        t = ambiguity.random_thresholds(torch.Generator().manual_seed(0), 64)
        self.assertTrue(bool((t[:, 0] < t[:, 1]).all()))


class GeneratorContractTests(unittest.TestCase):
    def test_output_equals_input_outside_the_mask(self) -> None:
        g = Generator().eval()
        image = torch.rand(1, 3, 64, 64)
        mask = torch.zeros(1, 1, 64, 64)
        mask[..., 20:40, 16:48] = 1
        with torch.no_grad():
            out = g(image, mask, torch.ones(1, 1, 64, 64), torch.zeros(1, 4, 64, 64), torch.randn(1, 1, 64, 64))
        self.assertEqual(out.shape, (1, 3, 64, 64))
        self.assertTrue(torch.equal(out * (1 - mask), image * (1 - mask)))
        self.assertTrue(bool(((out >= 0) & (out <= 1)).all()))


class SeamCorrectionTests(unittest.TestCase):
    def setUp(self) -> None:
        yy, xx = torch.meshgrid(torch.linspace(0, 1, 80), torch.linspace(0, 1, 80), indexing="ij")
        # A smooth photo (gradients) and a mask in the middle; size 80 is not a power of two.
        self.image = torch.stack([0.3 + 0.4 * xx, 0.5 + 0.2 * yy, 0.4 + 0.1 * xx * yy])[None]
        self.mask = torch.zeros(1, 1, 80, 80)
        self.mask[..., 24:56, 20:60] = 1

    def test_removes_a_tint_that_disagrees_with_the_surroundings(self) -> None:
        raw = (self.image + torch.tensor([0.2, -0.15, 0.1]).view(1, 3, 1, 1)).clamp(0, 1)
        fixed = seam_correction(raw, self.image, self.mask)
        inside = self.mask.bool().expand_as(raw)
        before = float((raw - self.image).abs()[inside].mean())
        after = float((fixed - self.image).abs()[inside].mean())
        self.assertGreater(before, 0.14)
        self.assertLess(after, before / 3)

    def test_keeps_the_lines_the_network_drew(self) -> None:
        lines = torch.zeros(1, 1, 80, 80)
        lines[..., 30:56:6, 20:60] = 0.3  # thin stripes inside the mask
        raw = (self.image - lines).clamp(0, 1)
        fixed = seam_correction(raw, self.image, self.mask)
        on = (lines[0, 0] > 0) & (self.mask[0, 0] > 0)
        off = (lines[0, 0] == 0) & (self.mask[0, 0] > 0)
        off &= torch.roll(on, 1, 0).logical_not() & torch.roll(on, -1, 0).logical_not()
        contrast = float(fixed[0, :, off].mean() - fixed[0, :, on].mean())
        self.assertGreater(contrast, 0.2)

    def test_a_full_mask_is_left_alone(self) -> None:
        raw = torch.rand(1, 3, 48, 48)
        fixed = seam_correction(raw, torch.rand(1, 3, 48, 48), torch.ones(1, 1, 48, 48))
        self.assertTrue(torch.allclose(fixed, raw))


if __name__ == "__main__":
    unittest.main()
