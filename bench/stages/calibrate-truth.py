#!/usr/bin/env python3
"""Calibrate's results on a phantom scan against its truth, with the tolerances of
tests/TomoSaxs.Calibrate.Tests/Stage/CalibrateTruthTests.cs (offset within one voxel, tube centre and radius within
0.5 px per slab, mask area within 4 % of the truth disc).  Needs h5dump (Debian hdf5-tools).

    bench/stages/calibrate-truth.py artifacts/bench-ct
"""
import json, math, re, subprocess, sys

scan = sys.argv[1]
truth = json.load(open(f"{scan}/truth/registration.json"))
sample = json.load(open(f"{scan}/truth/model.json"))["spec"]["Sample"]
h5 = f"{scan}/calibrate/calibration.h5"

def data(name):
    text = subprocess.run(["h5dump", "-y", "-w", "0", "-d", name, h5], capture_output=True, text=True, check=True).stdout
    body = text.split("DATA {", 1)[1].split("}", 1)[0]
    return [float(v) for v in re.findall(r"[-+0-9.eE]+|nan", body)]

voxel = data("/ct/voxel_um")[0]
low = truth["ct"]["low_res"]
offset = data("/offset/um")
want = truth["ct"]["high_res_offset_um"]
errors = [(f - want[k]) / voxel for f, k in zip(offset, ("dz", "dy", "dx"))]
print(f"offset {offset[0]:.2f}, {offset[1]:.2f}, {offset[2]:.2f} µm vs truth {want['dz']}, {want['dy']}, {want['dx']}: "
      f"errors {', '.join(f'{e:.3f}' for e in errors)} voxels of {voxel} µm (tolerance 1); NCC {data('/offset/ncc')[0]:.3f}")

tube = truth["tube"]
z, centre, radius = data("/tube/z"), data("/tube/centre_px"), data("/tube/radius_px")
worst_centre = worst_radius = 0.0
for i, r in enumerate(radius):
    h = low["top_height_um"] - 0.5 * (z[2 * i] + z[2 * i + 1]) * voxel
    col = (tube["centre_at_h0_um"]["x"] + tube["tilt_per_um"]["x"] * h - low["corner_x_um"]) / voxel - 0.5
    row = (tube["centre_at_h0_um"]["z"] + tube["tilt_per_um"]["z"] * h - low["corner_z_um"]) / voxel - 0.5
    worst_centre = max(worst_centre, math.hypot(centre[2 * i] - row, centre[2 * i + 1] - col))
    worst_radius = max(worst_radius, abs(r - tube["outer_radius_um"] / voxel))
print(f"tube: {len(radius)} slabs, worst centre error {worst_centre:.3f} px, worst radius error {worst_radius:.3f} px (tolerance 0.5)")

pixels, mask_z = data("/mask/pixels"), data("/mask/z")
height = sample["DiscHeightUm"]
worst, checked = 0.0, 0
for slice_z, count in zip(mask_z, pixels):
    h = low["top_height_um"] - (slice_z + 0.5) * voxel
    if h < voxel or h > height - voxel:
        continue
    u = h / height
    bulge = 1 + 4 * sample["Bulge"] * u * (1 - u)
    area = math.pi * sample["OuterSemiAxesUm"]["X"] * sample["OuterSemiAxesUm"]["Z"] * bulge * bulge
    worst = max(worst, abs((count * voxel * voxel - area) / area))
    checked += 1
print(f"mask: {checked} disc slices, worst area error {100 * worst:.2f} % of the truth ellipse (tolerance 4 %)")
ok = all(abs(e) <= 1 for e in errors) and worst_centre <= 0.5 and worst_radius <= 0.5 and worst <= 0.04
print("within tolerance" if ok else "OUTSIDE TOLERANCE")
sys.exit(0 if ok else 1)
