"""Unit tests of the trainer's loss weighting and weight average (no dataset needed).

    /usr/bin/python3 -m unittest discover -s models/training/tests
"""

from __future__ import annotations

import argparse
import os
import sys
import unittest

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import data  # noqa: E402
from network import multiscale_noise  # noqa: E402
from train import Trainer, balanced_l1, masked_l1, variation  # noqa: E402


class BalancedL1Tests(unittest.TestCase):
    def test_small_masks_weigh_more_than_their_area(self) -> None:
        real = torch.zeros(2, 3, 32, 32)
        mask = torch.zeros(2, 1, 32, 32)
        mask[0] = 1  # a full mask, 1024 px, perfectly filled
        mask[1, :, 12:20, 12:20] = 1  # a small one, 64 px, off by 1 everywhere
        out = real.clone()
        out[1] += 1
        # One mean over all masked pixels: the small fill's error is diluted by the full one.
        self.assertAlmostEqual(float(masked_l1(out, real, mask)), 64 / 1088, delta=0.002)
        # Per sample, weighted by sqrt(area): 8 / (32 + 8).
        self.assertAlmostEqual(float(balanced_l1(out, real, mask)), 8 / 40, delta=0.002)

    def test_an_empty_mask_costs_nothing(self) -> None:
        real = torch.zeros(1, 3, 16, 16)
        self.assertEqual(float(balanced_l1(real + 1, real, torch.zeros(1, 1, 16, 16))), 0.0)


class WeightAverageTests(unittest.TestCase):
    def test_the_average_follows_the_trained_weights_slowly(self) -> None:
        trainer = Trainer(argparse.Namespace(lr=2e-4, ema=None))
        trainer.ema_decay = 0.9
        before = [p.detach().clone() for p in trainer.g_ema.parameters()]
        with torch.no_grad():
            for p in trainer.g.parameters():
                p.add_(1.0)
        trainer.update_average()
        for avg, old in zip(trainer.g_ema.parameters(), before):
            self.assertTrue(torch.allclose(avg, old + 0.1, atol=1e-5))
            self.assertFalse(avg.requires_grad)


class VariationTests(unittest.TestCase):
    def test_a_uniform_shift_is_not_a_variation(self) -> None:
        a = torch.rand(2, 3, 32, 32)
        mask = torch.zeros(2, 1, 32, 32)
        mask[:, :, 8:24, 8:24] = 1
        self.assertLess(float(variation(a, a + 0.2, mask).max()), 1e-6)
        b = a.clone()
        b[:, :, 8:16, 8:24] += 0.2  # half the masked region changed
        self.assertAlmostEqual(float(variation(a, b, mask)[0]), 0.1, delta=0.002)

    def test_the_noise_the_network_sees_has_coarse_structure(self) -> None:
        white = torch.randn(4, 1, 256, 256, generator=torch.Generator().manual_seed(1))
        seen = multiscale_noise(white)
        self.assertEqual(seen.shape, white.shape)
        self.assertAlmostEqual(float(seen.std()), 0.85, delta=0.2)
        # Means over 16-px blocks: white noise averages away (std 1/16), this does not.
        self.assertLess(float(torch.nn.functional.avg_pool2d(white, 16).std()), 0.1)
        self.assertGreater(float(torch.nn.functional.avg_pool2d(seen, 16).std()), 0.3)

    def test_a_step_with_the_variation_term_renders_pairs_and_logs_their_difference(self) -> None:
        torch.manual_seed(0)
        args = argparse.Namespace(
            lr=2e-4, ema=None, adv_after=0, adv_weight=0.01, edge_weight=5.0,
            div_weight=1.0, div_target=0.03, div_pairs=2,
        )
        trainer = Trainer(args)
        n, s = 3, 64
        mask = torch.zeros(n, 1, s, s)
        mask[:, :, 16:48, 16:48] = 1
        batch = data.Batch(
            torch.rand(n, 3, s, s), mask, torch.zeros(n, 1, s, s), torch.zeros(n, 4, s, s),
            torch.randn(n, 1, s, s), ["free_form"] * n,
        )
        logs = trainer.train_step(batch)
        for key in ("div", "l1_best", "l1", "edge", "adv", "d"):
            self.assertIn(key, logs)
        self.assertGreaterEqual(logs["div"], 0.0)


if __name__ == "__main__":
    unittest.main()
