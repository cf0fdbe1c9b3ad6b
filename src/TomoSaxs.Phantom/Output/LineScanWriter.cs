using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Phantom;

/// <summary>
/// Writes the empty-tube (background) and buffer line scans in the I22 line-scan layout (frames [positions, rows,
/// columns]): Kapton, buffer (buffer scan only) and air scattering times transmission, with the same noise model
/// and flux as the raster frames, each frame from its own random stream.
/// </summary>
internal static class LineScanWriter
{
    public static void Write(PhantomPlan plan, LineScanLayout scan, string path, PhantomRunOptions options)
    {
        var detector = plan.Detector;
        var beam = plan.Spec.Beam;
        var kind = scan.Kind == LineScanKind.Background ? "background" : "buffer";
        var sums = new double[scan.Positions];
        var transmitted = scan.IncidentFlux.Zip(scan.Transmission, (i0, t) => i0 * t).ToArray();
        var heightMm = plan.Raster.MotorYOfHeight(plan.Raster.HeightUm[0]);
        var root = new ArtefactGroup();
        var entry = I22NexusLayout.CreateEntry(root,
            scan.Kind == LineScanKind.Background ? "phantom empty-tube line scan (background)" : "phantom buffer-filled tube line scan", plan.Fingerprint);
        I22NexusLayout.AddFrames(entry, [scan.Positions], detector.Rows, detector.Columns, plan.Spec.FloatFrames);
        // The sums are known only once the frames are drawn, so the (small) sum dataset is streamed as well.
        I22NexusLayout.AddPointData(entry, lineScan: true, null, scan.MotorXMm, [heightMm], scan.IncidentFlux, transmitted, beam.CountTimeS);
        using var writer = Hdf5ArtefactWriter.Begin(path, root);
        void Expected(int k, double[] expected)
        {
            var scale = beam.Gain * scan.IncidentFlux[k] * beam.CountTimeS * scan.Transmission[k];
            FrameSynthesis.ExpectedCounts(detector, [], [], [], scan.Kapton[k], scan.Buffer[k], 0, scale, expected);
        }

        if (plan.Spec.FloatFrames)
        {
            FrameBatches.Run<float>(scan.Positions, detector.PixelCount, options,
                (k, frame, expected) =>
                {
                    Expected(k, expected);
                    return FrameSynthesis.RawFrame(detector, expected, frame);
                },
                (k, frame, sum) =>
                {
                    writer.WriteSlab(I22NexusLayout.FramesPath, [k, 0, 0], [1, detector.Rows, detector.Columns], frame);
                    sums[k] = sum;
                });
        }
        else
        {
            FrameBatches.Run<int>(scan.Positions, detector.PixelCount, options,
                (k, frame, expected) =>
                {
                    Expected(k, expected);
                    return FrameSynthesis.RawFrame(detector, expected, plan.Spec.Noise, new PhantomRandom(plan.Spec.Seed, kind + "-frame", k), frame);
                },
                (k, frame, sum) =>
                {
                    writer.WriteSlab(I22NexusLayout.FramesPath, [k, 0, 0], [1, detector.Rows, detector.Columns], frame);
                    sums[k] = sum;
                });
        }
        writer.WriteSlab(I22NexusLayout.SumsPath, [0], [scan.Positions], sums);
        writer.Commit();
    }
}
