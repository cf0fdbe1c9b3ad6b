namespace TomoSaxs.Integration;

/// <summary>
/// pyFAI 0.21.3's no-splitting rules for putting a pixel centre into a bin, with the fractional bin number
/// (x − lower)/width of <c>get_bin_number</c>. The 1-D and 2-D Cython engines round it differently.
/// </summary>
internal static class HistogramBinning
{
    /// <summary>
    /// 1-D rule (<c>histogram_preproc</c>, used by <c>histogram1d_engine</c>): bin = (int)fbin, truncated toward
    /// zero, kept when 0 ≤ bin &lt; bins; so a centre within one bin width below the lower edge lands in bin 0.
    /// </summary>
    public static bool TryBinTruncated(double position, double lower, double width, int bins, out int bin)
    {
        var index = (long)((position - lower) / width);
        bin = (int)index;
        return index >= 0 && index < bins;
    }

    /// <summary>
    /// 2-D rule (<c>histogram2d_engine</c>, used by <c>integrate2d_ng</c> and so by <c>integrate_radial</c>):
    /// bin = (int)floor(fbin), kept when 0 ≤ bin &lt; bins; unlike the 1-D rule, a centre below the lower edge is
    /// dropped.
    /// </summary>
    public static bool TryBinFloored(double position, double lower, double width, int bins, out int bin)
    {
        var fractional = Math.Floor((position - lower) / width);
        // Compare in double before narrowing: far-out positions must not wrap into the valid range.
        bin = fractional >= 0 && fractional < bins ? (int)fractional : -1;
        return bin >= 0;
    }
}
