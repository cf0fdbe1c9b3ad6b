using TomoSaxs.Formats;
using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Phantom;

/// <summary>
/// Writes the per-angle SAXS raster files (I22 layout, frames [slices, positions, rows, columns]) from the slice
/// part files, checking that every part belongs to this plan (same fingerprint and shape). Frames are copied one
/// at a time, so memory stays at a frame whatever the scan size.
/// </summary>
internal static class SaxsAssembler
{
    public static void Assemble(PhantomPlan plan, string partsFolder, IProgress<PhantomProgress>? progress, PhantomRunOptions options)
    {
        // Check every part before writing anything.
        for (var slice = 0; slice < plan.Slices; slice++)
        {
            OpenPart(plan, PhantomScan.SlicePartPath(partsFolder, slice), slice).Dispose();
        }

        // Angles are separate files: assemble them side by side (each with its own read handles on the parts).
        var done = 0;
        Parallel.For(0, plan.AnglesDeg.Count, options.Parallel, angle =>
        {
            AssembleAngle(plan, partsFolder, angle);
            progress?.Report(new PhantomProgress("assemble", null, Interlocked.Increment(ref done), plan.AnglesDeg.Count));
        });
    }

    private static void AssembleAngle(PhantomPlan plan, string partsFolder, int angle)
    {
        var detector = plan.Spec.Detector;
        var parts = new Hdf5File?[plan.Slices];
        try
        {
            for (var slice = 0; slice < plan.Slices; slice++)
            {
                parts[slice] = OpenPart(plan, PhantomScan.SlicePartPath(partsFolder, slice), slice);
            }

            var raster = plan.Raster;
            var sums = new double[plan.Slices * plan.Positions];
            var incident = new double[sums.Length];
            var transmitted = new double[sums.Length];
            for (var slice = 0; slice < plan.Slices; slice++)
            {
                var sliceSums = parts[slice]!.Dataset(SlicePartWriter.SumsPath).ReadHyperslab<double>([angle, 0], [1, plan.Positions]);
                sliceSums.CopyTo(sums, slice * plan.Positions);
                for (var position = 0; position < plan.Positions; position++)
                {
                    var index = plan.Paths.Index(angle, slice, position);
                    incident[slice * plan.Positions + position] = plan.Paths.IncidentFlux[index];
                    transmitted[slice * plan.Positions + position] = plan.Paths.IncidentFlux[index] * plan.Paths.Transmission[index];
                }
            }

            var root = new ArtefactGroup();
            var entry = I22NexusLayout.CreateEntry(root, $"tomoSAXS phantom raster at rotation {plan.AnglesDeg[angle]:R}°", plan.Fingerprint);
            entry.Group("sample").AddScalar("rotation_angle", plan.AnglesDeg[angle]).Attributes.Set("units", "deg");
            I22NexusLayout.AddFrames(entry, [plan.Slices, plan.Positions], detector.Rows, detector.Columns, plan.Spec.FloatFrames);
            I22NexusLayout.AddPointData(entry, lineScan: false, sums, raster.MotorXMm, raster.MotorYMm, incident, transmitted, plan.Spec.Beam.CountTimeS);
            using var writer = Hdf5ArtefactWriter.Begin(plan.Outputs.Saxs[angle], root);
            if (plan.Spec.FloatFrames)
            {
                CopyFrames<float>(plan, parts, angle, writer);
            }
            else
            {
                CopyFrames<int>(plan, parts, angle, writer);
            }

            writer.Commit();
        }
        finally
        {
            foreach (var part in parts)
            {
                part?.Dispose();
            }
        }
    }

    private static void CopyFrames<T>(PhantomPlan plan, Hdf5File?[] parts, int angle, Hdf5ArtefactWriter writer)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var detector = plan.Spec.Detector;
        var frame = new T[detector.Rows * detector.Columns];
        for (var slice = 0; slice < plan.Slices; slice++)
        {
            var frames = parts[slice]!.Dataset(SlicePartWriter.FramesPath(angle));
            for (var position = 0; position < plan.Positions; position++)
            {
                frames.ReadHyperslab<T>([position, 0, 0], [1, detector.Rows, detector.Columns], frame);
                writer.WriteSlab(I22NexusLayout.FramesPath, [slice, position, 0, 0], [1, 1, detector.Rows, detector.Columns], frame);
            }
        }
    }

    private static Hdf5File OpenPart(PhantomPlan plan, string path, int slice)
    {
        if (!File.Exists(path))
        {
            throw new DataFileException(path, null, $"does not exist: the frames of slice {slice} have not been generated (PhantomScan.WriteSliceFrames)");
        }

        var file = Hdf5File.Open(path);
        var fingerprint = file.StringAttribute("/", "fingerprint");
        if (fingerprint != plan.Fingerprint)
        {
            file.Dispose();
            throw new DataFileException(path, "/@fingerprint",
                $"belongs to another phantom plan ({fingerprint ?? "none"}, expected {plan.Fingerprint}); regenerate slice {slice}");
        }

        var frames = file.Dataset(SlicePartWriter.FramesPath(0));
        long[] expected = [plan.Positions, plan.Spec.Detector.Rows, plan.Spec.Detector.Columns];
        if (!frames.Shape.SequenceEqual(expected))
        {
            file.Dispose();
            throw new DataFileException(path, frames.Path, $"has shape [{string.Join(", ", frames.Shape)}], expected [{string.Join(", ", expected)}]");
        }

        return file;
    }
}
