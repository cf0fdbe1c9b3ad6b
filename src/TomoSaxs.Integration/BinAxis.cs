namespace TomoSaxs.Integration;

/// <summary>
/// Equal-width bins along one axis as pyFAI 0.21.3 lays them out: the first edge is <see cref="Lower"/>, the last
/// edge is <see cref="Upper"/> = <see cref="RequestedUpper"/> widened by one float32 epsilon (pyFAI's
/// <c>calc_upper_bound</c>), the width is (Upper − Lower)/Bins and centres are
/// <c>numpy.linspace(Lower + ½·width, Upper − ½·width, Bins)</c>.
/// Values are in the axis' internal unit: q in nm⁻¹, χ in radians.
/// </summary>
/// <param name="Lower">Lower edge of bin 0 (inclusive).</param>
/// <param name="RequestedUpper">Requested upper end before the float32-epsilon widening.</param>
/// <param name="Bins">Number of bins (at least 1).</param>
public sealed record BinAxis(double Lower, double RequestedUpper, int Bins)
{
    /// <summary>Upper edge of the last bin (exclusive).</summary>
    public double Upper => PyFaiRules.CalcUpperBound(RequestedUpper);

    /// <summary>Bin width.</summary>
    public double Width => (Upper - Lower) / Bins;

    /// <summary>Bin centres.</summary>
    public double[] Centres()
    {
        var width = Width;
        return PyFaiRules.Linspace(Lower + 0.5 * width, Upper - 0.5 * width, Bins);
    }

    /// <summary>Fractional bin number of a value, pyFAI's <c>get_bin_number</c>: (value − Lower)/Width.</summary>
    /// <param name="value">Position along the axis.</param>
    public double FractionalBin(double value) => (value - Lower) / Width;
}
