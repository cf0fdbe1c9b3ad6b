namespace TomoSaxs.Integration;

/// <summary>
/// A requested integration range [Lower, Upper] along one axis, in the unit its owner states (q in nm⁻¹, χ in
/// degrees). As in pyFAI, the lower end is inclusive and the upper end is widened by one float32 epsilon
/// (see <see cref="BinAxis"/>).
/// </summary>
/// <param name="Lower">Lower end.</param>
/// <param name="Upper">Upper end.</param>
public readonly record struct ValueRange(double Lower, double Upper)
{
    /// <summary>Upper − Lower.</summary>
    public double Width => Upper - Lower;
}
