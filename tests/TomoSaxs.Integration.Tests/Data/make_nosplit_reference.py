#!/usr/bin/env python3
"""Writes the no-split (histogram) pyFAI reference results used by the C# no-split parity tests.

For each golden case in shared/golden/pyfai/{flat,tilted} this loads frame.h5 (frame, mask), geometry.poni and the
q bands of geometry.json, and runs pyFAI with method ("no", "histogram", "cython"):

* integrate2d_ng: 100 q bins x 360 chi bins, radial_range (0.15, 0.40) nm^-1, no azimuth range (the same call as the
  golden i2d_bbox_csr group, without pixel splitting);
* integrate_radial: 90 chi bins, npt_rad 30, radial_unit q_nm^-1, unit chi_deg, for the peak/inner/outer bands on the
  upper-left (90, 180) and lower-left (-180, -90) halves (the same calls as the golden radial_* groups, without
  pixel splitting).

All calls use the mask and pyFAI's default solid-angle correction. Output: <case>_nosplit.h5 next to this script,
gzip-compressed, with the pyFAI and numpy versions as root attributes. Run once, with the system Python that has
pyFAI 0.21.3 and h5py:

    /usr/bin/python3 make_nosplit_reference.py [SHARED_DIR]

SHARED_DIR defaults to the repository's sibling folder ../shared (or $TOMOSAXS_SHARED).
"""
import json
import os
import sys

import h5py
import numpy
import pyFAI

CASES = ("flat", "tilted")
BANDS = ("peak", "inner", "outer")
HALVES = {"upperleft": (90.0, 180.0), "lowerleft": (-180.0, -90.0)}
NOSPLIT = ("no", "histogram", "cython")


def shared_dir(here):
    if len(sys.argv) > 1:
        return sys.argv[1]
    if os.environ.get("TOMOSAXS_SHARED"):
        return os.environ["TOMOSAXS_SHARED"]
    # tests/TomoSaxs.Integration.Tests/Data -> repository root -> ../shared
    return os.path.normpath(os.path.join(here, "..", "..", "..", "..", "shared"))


def write(group, name, values):
    group.create_dataset(name, data=numpy.asarray(values), compression="gzip", compression_opts=9, shuffle=True)


def make_case(case_dir, out_path):
    with h5py.File(os.path.join(case_dir, "frame.h5"), "r") as h5:
        frame = h5["frame"][()]
        mask = h5["mask"][()]
    with open(os.path.join(case_dir, "geometry.json")) as f:
        bands = json.load(f)["bands_q_nm"]
    ai = pyFAI.load(os.path.join(case_dir, "geometry.poni"))

    with h5py.File(out_path, "w") as out:
        out.attrs["pyfai_version"] = pyFAI.version
        out.attrs["numpy_version"] = numpy.__version__
        out.attrs["method"] = ",".join(NOSPLIT)
        out.attrs["source"] = os.path.basename(case_dir)

        cake = ai.integrate2d_ng(frame, 100, 360, radial_range=(0.15, 0.40), mask=mask, method=NOSPLIT,
                                 unit="q_nm^-1")
        group = out.create_group("i2d_no_histogram")
        write(group, "intensity", cake.intensity)  # [chi bin, q bin]
        write(group, "count", cake.count)  # pixels per bin, [chi bin, q bin] like the intensity
        write(group, "q_nm", cake.radial)
        write(group, "chi_deg", cake.azimuthal)

        for band in BANDS:
            for half, azimuth_range in HALVES.items():
                profile = ai.integrate_radial(frame, 90, npt_rad=30, radial_range=tuple(bands[band]),
                                              azimuth_range=azimuth_range, mask=mask, method=NOSPLIT,
                                              radial_unit="q_nm^-1", unit="chi_deg")
                group = out.create_group(f"radial_{band}_{half}")
                write(group, "intensity", profile.intensity)
                write(group, "count", profile.count)
                write(group, "x", profile.radial)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = shared_dir(here)
    for case in CASES:
        out_path = os.path.join(here, f"{case}_nosplit.h5")
        make_case(os.path.join(shared, "golden", "pyfai", case), out_path)
        print(f"wrote {out_path} with pyFAI {pyFAI.version}")


if __name__ == "__main__":
    main()
