using System.Text.Json;
using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>One truth crossing: a fibre in a beam path with its exact Gaussian-weighted volume (fibre voxels) and
/// its lab-frame axis angles.</summary>
public readonly record struct TruthCrossing(int FibreId, double Weight, double AlphaDeg, double BetaDeg);

/// <summary>The example phantom's truth (docs/phantom.md): truth/registration.json and truth/beam_paths.h5.</summary>
public sealed class PhantomTruth
{
    /// <summary>Reads the truth folder.</summary>
    public PhantomTruth(string truthFolder)
    {
        using (var json = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(truthFolder, "registration.json"))))
        {
            var root = json.RootElement;
            var fiducial = root.GetProperty("fiducial");
            FiducialMotorYUm = fiducial.GetProperty("motor_y_mm").GetDouble() * 1000;
            FiducialCtZ = fiducial.GetProperty("ct_low_res_z").GetDouble();
            var low = root.GetProperty("ct").GetProperty("low_res");
            LowResVoxelUm = low.GetProperty("voxel_um").GetDouble();
            LowResCornerXUm = low.GetProperty("corner_x_um").GetDouble();
            LowResCornerZUm = low.GetProperty("corner_z_um").GetDouble();
            LowResTopUm = low.GetProperty("top_height_um").GetDouble();
            var offset = root.GetProperty("ct").GetProperty("high_res_offset_low_res_voxels");
            HighResOffsetLowResVoxels = (offset.GetProperty("dz").GetDouble(), offset.GetProperty("dy").GetDouble(), offset.GetProperty("dx").GetDouble());
            var high = root.GetProperty("ct").GetProperty("high_res").GetProperty("shape_zyx").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            HighResShape = (high[0], high[1], high[2]);
            var crop = root.GetProperty("fibre_tracing").GetProperty("crop_start_xyz").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            CropStartXyz = (crop[0], crop[1], crop[2]);
            var tube = root.GetProperty("tube");
            TubeOuterRadiusUm = tube.GetProperty("outer_radius_um").GetDouble();
            TubeCentreAtH0Um = (tube.GetProperty("centre_at_h0_um").GetProperty("x").GetDouble(), tube.GetProperty("centre_at_h0_um").GetProperty("z").GetDouble());
            TubeTilt = (tube.GetProperty("tilt_per_um").GetProperty("x").GetDouble(), tube.GetProperty("tilt_per_um").GetProperty("z").GetDouble());
            Slices = [.. root.GetProperty("slices").EnumerateArray().Select(s => new TruthSlice(
                s.GetProperty("motor_y_mm").GetDouble() * 1000,
                s.GetProperty("fibre_tracing_z_inclusive")[0].GetInt32(),
                s.GetProperty("fibre_tracing_z_inclusive")[1].GetInt32(),
                s.GetProperty("ct_low_res_z")[0].GetDouble(),
                s.GetProperty("ct_low_res_z")[1].GetDouble()))];
            TubeCentreMotorXUm = [.. root.GetProperty("angles").EnumerateArray().Select(a =>
                a.GetProperty("tube_centre_motor_x_mm_per_slice").EnumerateArray().Select(v => v.GetDouble() * 1000).ToArray())];
        }

        using var file = Hdf5File.Open(System.IO.Path.Combine(truthFolder, "beam_paths.h5"));
        AnglesDeg = file.Dataset("angles_deg").Read<double>();
        var sample = file.Dataset("paths/sample_um");
        (Angles, SliceCount, Positions) = ((int)sample.Shape[0], (int)sample.Shape[1], (int)sample.Shape[2]);
        SampleUm = sample.Read<double>();
        var start = file.Dataset("crossings/start").Read<long>();
        var ids = file.Dataset("crossings/fibre_id").Read<int>();
        var weights = file.Dataset("crossings/weight").Read<double>();
        var alpha = file.Dataset("crossings/alpha_deg").Read<double>();
        var beta = file.Dataset("crossings/beta_deg").Read<double>();
        Crossings = new TruthCrossing[start.Length - 1][];
        for (var k = 0; k < Crossings.Length; k++)
        {
            Crossings[k] = [.. Enumerable.Range((int)start[k], (int)(start[k + 1] - start[k])).Select(e => new TruthCrossing(ids[e], weights[e], alpha[e], beta[e]))];
        }
    }

    /// <summary>The upper endplate's motor y, µm.</summary>
    public double FiducialMotorYUm { get; }

    /// <summary>The upper endplate in low-res CT slices (whole numbers at slice edges).</summary>
    public double FiducialCtZ { get; }

    /// <summary>The low-res CT voxel, µm.</summary>
    public double LowResVoxelUm { get; }

    /// <summary>The low-res CT's first column edge, sample x µm.</summary>
    public double LowResCornerXUm { get; }

    /// <summary>The low-res CT's first row edge, sample z µm.</summary>
    public double LowResCornerZUm { get; }

    /// <summary>The low-res CT's top edge height, µm.</summary>
    public double LowResTopUm { get; }

    /// <summary>The high-res CT's first corner in low-res voxels (z, y, x).</summary>
    public (double Z, double Y, double X) HighResOffsetLowResVoxels { get; }

    /// <summary>The high-res CT's shape (z, y, x).</summary>
    public (int Z, int Y, int X) HighResShape { get; }

    /// <summary>The fibre-tracing crop's first voxel in the padded (high-res field of view) fibre grid (x, y, z).</summary>
    public (int X, int Y, int Z) CropStartXyz { get; }

    /// <summary>The tube's outer radius, µm.</summary>
    public double TubeOuterRadiusUm { get; }

    /// <summary>The tube axis at height 0, sample (x, z) µm.</summary>
    public (double X, double Z) TubeCentreAtH0Um { get; }

    /// <summary>The tube axis's drift per µm of height (x, z).</summary>
    public (double X, double Z) TubeTilt { get; }

    /// <summary>Per SAXS slice.</summary>
    public IReadOnlyList<TruthSlice> Slices { get; }

    /// <summary>[angle][slice] tube centre's motor x, µm.</summary>
    public IReadOnlyList<double[]> TubeCentreMotorXUm { get; }

    /// <summary>The angles, degrees.</summary>
    public double[] AnglesDeg { get; }

    /// <summary>Counts of the path table.</summary>
    public int Angles { get; }

    /// <summary>Slices.</summary>
    public int SliceCount { get; }

    /// <summary>Positions per slice.</summary>
    public int Positions { get; }

    /// <summary>Sample chord along each path's centre line [angle, slice, position] flattened, µm.</summary>
    public double[] SampleUm { get; }

    /// <summary>Crossings per flattened path index.</summary>
    public TruthCrossing[][] Crossings { get; }

    /// <summary>The crossings of one path.</summary>
    public TruthCrossing[] Path(int angle, int slice, int position) => Crossings[(angle * SliceCount + slice) * Positions + position];

    /// <summary>The sample chord of one path, µm.</summary>
    public double Sample(int angle, int slice, int position) => SampleUm[(angle * SliceCount + slice) * Positions + position];

    /// <summary>The tube axis at height <paramref name="heightUm"/>, sample (x, z) µm.</summary>
    public (double X, double Z) TubeCentreUm(double heightUm) =>
        (TubeCentreAtH0Um.X + TubeTilt.X * heightUm, TubeCentreAtH0Um.Z + TubeTilt.Z * heightUm);
}

/// <summary>One SAXS slice in truth.</summary>
/// <param name="MotorYUm">Motor y, µm.</param>
/// <param name="FibreZFirst">First padded fibre-tracing slice of its slab (inclusive).</param>
/// <param name="FibreZLast">Last (inclusive).</param>
/// <param name="CtZStart">Beam top in low-res CT slices (edge coordinates).</param>
/// <param name="CtZEnd">Beam bottom.</param>
public sealed record TruthSlice(double MotorYUm, int FibreZFirst, int FibreZLast, double CtZStart, double CtZEnd);
