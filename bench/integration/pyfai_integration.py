#!/usr/bin/env python3
"""pyFAI side of the integration benchmark (docs/benchmarks.md).

Integrates the same frame as the C# benchmark with the same work per frame: the pipeline's band I(chi)
(peak, inner and outer q bands; 180 chi bins over the analysed half, which in pyFAI's chi convention straddles
the +-180 deg discontinuity and so takes two integrate_radial calls of 90 bins per band) plus a 300-bin I(q)
with integrate1d. One AzimuthalIntegrator is reused for every frame, so pyFAI builds each sparse matrix once.

Usage: pyfai_integration.py FRAME.h5 GEOMETRY.poni BANDS.json FRAMES
Prints one JSON object: version, build time and per-frame time.
"""
import json
import sys
import time

import h5py
import numpy
import pyFAI


def main():
    frame_file, poni_file, bands_file, frames = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with open(bands_file) as handle:
        bands = json.load(handle)
    with h5py.File(frame_file, "r") as h5:
        frame = h5["frame"][()].astype(numpy.float64)
        mask = h5["mask"][()]
    ai = pyFAI.load(poni_file)
    # pyFAI chi halves of the pipeline's chi in [90, 270): chi_pyFAI = -chi_pipeline (mod 360).
    halves = [(90.0, 180.0), (-180.0, -90.0)]

    def integrate_once():
        profiles = []
        for band in (bands["peak"], bands["inner"], bands["outer"]):
            for half in halves:
                profiles.append(ai.integrate_radial(frame, 90, npt_rad=30, radial_range=tuple(band),
                                                    azimuth_range=half, mask=mask, method=("bbox", "csr", "cython"),
                                                    radial_unit="q_nm^-1", unit="chi_deg"))
        iq = ai.integrate1d(frame, 300, mask=mask, method=("bbox", "csr", "cython"), unit="q_nm^-1")
        return profiles, iq

    start = time.perf_counter()
    integrate_once()  # builds and caches the seven CSR engines
    build_s = time.perf_counter() - start

    start = time.perf_counter()
    for _ in range(frames):
        integrate_once()
    per_frame_s = (time.perf_counter() - start) / frames
    print(json.dumps({"pyfai_version": pyFAI.version, "first_frame_s": build_s, "per_frame_s": per_frame_s,
                      "frames": frames}))


if __name__ == "__main__":
    main()
