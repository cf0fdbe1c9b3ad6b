namespace TomoSaxs.Calibrate.Tests.Support;

/// <summary>
/// A smooth random 3-D texture with a closed form, f(z, y, x) = Σ a·exp(−|p − c|²/2s²), so a volume and a copy
/// displaced by any fractional offset can both be sampled exactly: the known truth for offset estimation.
/// </summary>
internal sealed class BlobField
{
    private readonly (double Z, double Y, double X, double Amplitude, double Sigma)[] blobs;

    public BlobField(int seed, int count, (double Z, double Y, double X) extent)
    {
        var random = new Random(seed);
        blobs = [.. Enumerable.Range(0, count).Select(_ => (
            random.NextDouble() * extent.Z, random.NextDouble() * extent.Y, random.NextDouble() * extent.X,
            50 + 100 * random.NextDouble(), 1.5 + 2.5 * random.NextDouble()))];
    }

    public double At(double z, double y, double x)
    {
        var sum = 0.0;
        foreach (var blob in blobs)
        {
            var d2 = (z - blob.Z) * (z - blob.Z) + (y - blob.Y) * (y - blob.Y) + (x - blob.X) * (x - blob.X);
            if (d2 < 36 * blob.Sigma * blob.Sigma)
            {
                sum += blob.Amplitude * Math.Exp(-d2 / (2 * blob.Sigma * blob.Sigma));
            }
        }

        return sum;
    }

    /// <summary>Samples voxel centres t + ½ + <paramref name="offset"/>, mapped through gain and bias, plus noise
    /// of standard deviation <paramref name="noise"/>.</summary>
    public float[,,] Sample(int depth, int height, int width, (double Z, double Y, double X) offset, double gain, double bias, double noise, int noiseSeed)
    {
        var gaussian = Synthetic.Gaussian(noiseSeed);
        return Synthetic.Volume(depth, height, width, (z, y, x) =>
            (float)(gain * At(z + 0.5 + offset.Z, y + 0.5 + offset.Y, x + 0.5 + offset.X) + bias + noise * gaussian()));
    }
}
