"""The portrait hold-out and the face framing (no dataset needed: synthetic pictures)."""
import os
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import portraits  # noqa: E402


class HoldOutTests(unittest.TestCase):
    def test_held_out_names_and_the_same_peoples_smiles(self):
        self.assertTrue(portraits.is_held_out("london/070_03"))
        self.assertTrue(portraits.is_held_out("london/070_08"))  # the same person, smiling
        self.assertTrue(portraits.is_held_out("canada/049f"))
        self.assertFalse(portraits.is_held_out("london/081_03"))
        self.assertFalse(portraits.is_held_out("canada/008f"))
        self.assertEqual(len(portraits.HELD_OUT), 20)


class FaceFrameTests(unittest.TestCase):
    def test_pupils_land_where_the_training_frame_has_them(self):
        image = np.zeros((1000, 1000, 3), np.uint8)
        right, left = np.array([400.0, 450.0]), np.array([600.0, 450.0])
        for x, y in (right, left):
            image[int(y) - 3 : int(y) + 4, int(x) - 3 : int(x) + 4] = 255
        points = np.zeros((189, 2))
        points[0], points[1] = right, left
        frame = portraits.face_frame(image, points, 256)
        self.assertEqual(frame.shape, (256, 256, 3))
        ys, xs = np.nonzero(frame[..., 0] > 60)
        # 200 px between the pupils fill 256 / 2.8 px of the frame, centred; eyes 0.59 IPD above centre.
        scale = 256 / (2.8 * 200)
        self.assertAlmostEqual(xs.min(), 128 - 100 * scale, delta=3)
        self.assertAlmostEqual(xs.max(), 128 + 100 * scale, delta=3)
        self.assertAlmostEqual(ys.mean(), 128 - 0.59 * 200 * scale, delta=2)


if __name__ == "__main__":
    unittest.main()
