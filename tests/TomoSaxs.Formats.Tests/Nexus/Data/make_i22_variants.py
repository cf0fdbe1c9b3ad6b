#!/usr/bin/python3
"""Writes small I22-layout files for the layouts the shared fixtures do not cover, plus expected.json:

  legacy_flat.nxs  the flat legacy layout (first key `I0_data`: top-level data, sum, base_x_value_set,
                   count_time, I0_data, OAV_data), a line scan with gzip frames;
  line_scan.nxs    an entry-group line scan: frames [n_x, H, W] (LZF), sums [n_x, 1, 1], x positions only in
                   p1xy_x_value_set with units "um", a per-point count time in "ms", two flux readings per point;
  mask_bool.nxs    a DAWN-style mask stored as an h5py bool (an HDF5 enum over int8).

Run once with the Debian package python3-h5py:  /usr/bin/python3 make_i22_variants.py
The tests read the committed files and never call Python.
"""
import json
import os

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(7)
H, W = 8, 6


def frames(n):
    values = rng.poisson(30, size=(n, H, W)).astype(np.int32)
    values[:, 4, :] = -1  # a gap row
    return values


def flux(n, readings, channels, scale):
    return rng.uniform(0.8, 1.2, size=(n, readings, channels)) * scale


def legacy_flat(expected):
    n = 5
    data = frames(n)
    i0 = flux(n, 2, 6, 1e5)
    oav = flux(n, 2, 2, 5e4)
    x_mm = np.linspace(-1.0, 1.0, n)
    with h5py.File(os.path.join(HERE, "legacy_flat.nxs"), "w") as f:
        f.create_dataset("I0_data", data=i0)
        f.create_dataset("OAV_data", data=oav)
        f.create_dataset("base_x_value_set", data=x_mm)  # no units attribute: mm is assumed
        f.create_dataset("count_time", data=0.5)
        f.create_dataset("data", data=data, chunks=(1, H, W), compression="gzip")
        f.create_dataset("sum", data=data.sum(axis=(1, 2)).astype(np.float64))
    expected["legacy_flat.nxs"] = {
        "frames_shape": list(data.shape),
        "pixel": {"index": [3, 2, 5], "value": int(data[3, 2, 5])},
        "frame_sum": data.sum(axis=(1, 2)).astype(float).tolist(),
        "x_positions_um": (x_mm * 1000).tolist(),
        "count_time_s": [0.5] * n,
        "i0_channel5_mean": i0[:, :, 5].mean(axis=1).tolist(),
        "transmitted_channel1_mean": oav[:, :, 1].mean(axis=1).tolist(),
    }


def line_scan(expected):
    n = 4
    data = frames(n)
    i0 = flux(n, 3, 6, 2e5)
    diodes = flux(n, 3, 2, 3e4)
    x_um = np.array([100.0, 150.0, 200.0, 250.0])
    count_ms = np.array([500.0, 500.0, 750.0, 500.0])
    with h5py.File(os.path.join(HERE, "line_scan.nxs"), "w") as f:
        entry = f.create_group("entry")
        entry.attrs["NX_class"] = "NXentry"
        entry.create_dataset("SAXS/data", data=data, chunks=(1, H, W), compression="lzf")
        sums = entry.create_dataset("SAXS_sum/sum", data=data.sum(axis=(1, 2)).astype(np.float64)[:, None, None])
        sums.attrs["units"] = "counts"
        x = entry.create_dataset("SAXS_sum/p1xy_x_value_set", data=x_um)
        x.attrs["units"] = "um"
        t = entry.create_dataset("instrument/SAXS/count_time", data=count_ms)
        t.attrs["units"] = "ms"
        entry.create_dataset("I0/data", data=i0)
        entry.create_dataset("BSDIODES/data", data=diodes)
        # A later group that is not the entry (h5py takes the first key).
        f.create_group("processing")
    expected["line_scan.nxs"] = {
        "frames_shape": list(data.shape),
        "pixel": {"index": [2, 7, 1], "value": int(data[2, 7, 1])},
        "frame_sum": data.sum(axis=(1, 2)).astype(float).tolist(),
        "x_positions_um": x_um.tolist(),
        "count_time_s": (count_ms / 1000).tolist(),
        "i0_channel5_mean": i0[:, :, 5].mean(axis=1).tolist(),
        "transmitted_channel1_mean": diodes[:, :, 1].mean(axis=1).tolist(),
    }


def mask_bool(expected):
    mask = np.zeros((H, W), dtype=bool)
    mask[4, :] = True
    mask[0, 0] = True
    with h5py.File(os.path.join(HERE, "mask_bool.nxs"), "w") as f:
        f.create_dataset("entry/mask/mask", data=mask)
    expected["mask_bool.nxs"] = {"shape": [H, W], "excluded_pixels": int(mask.sum()),
                                 "excluded": [[4, 0], [4, 5], [0, 0]], "included": [[1, 1], [7, 5]]}


def main():
    expected = {"description": "Expected values for the files made by make_i22_variants.py."}
    legacy_flat(expected)
    line_scan(expected)
    mask_bool(expected)
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
    print("wrote", ", ".join(k for k in expected if k != "description"))


if __name__ == "__main__":
    main()
