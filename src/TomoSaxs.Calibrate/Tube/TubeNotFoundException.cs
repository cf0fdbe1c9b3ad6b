namespace TomoSaxs.Calibrate.Tube;

/// <summary>No Kapton tube could be found in a CT slab: too few rays met an outer edge, or the edges do not lie
/// on a circle. The message names the slab and the measure that failed.</summary>
public sealed class TubeNotFoundException : Exception
{
    /// <summary>Creates the exception with its explanation.</summary>
    public TubeNotFoundException(string message)
        : base(message)
    {
    }
}
