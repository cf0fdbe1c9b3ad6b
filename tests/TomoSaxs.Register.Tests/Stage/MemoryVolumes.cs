using TomoSaxs.Calibrate.Output;
using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>Calibrated volumes held in memory, read through the same slab interface as calibration.h5.</summary>
public sealed class MemoryVolumes(byte[,,] theta, byte[,,] phi, int[,,] index, byte[,,] mask) : ICalibratedVolumes
{
    /// <inheritdoc />
    public ISlabReader<byte> Theta { get; } = new ArraySlabReader<byte>(theta);

    /// <inheritdoc />
    public ISlabReader<byte> Phi { get; } = new ArraySlabReader<byte>(phi);

    /// <inheritdoc />
    public ISlabReader<int> FibreIndex { get; } = new ArraySlabReader<int>(index);

    /// <inheritdoc />
    public ISlabReader<byte> SampleMask { get; } = new ArraySlabReader<byte>(mask);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
