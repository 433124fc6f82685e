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

from train import Trainer, balanced_l1, masked_l1  # noqa: E402


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


if __name__ == "__main__":
    unittest.main()
