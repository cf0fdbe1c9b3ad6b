using TomoSaxs.Register.Stage;
using TomoSaxs.TestSupport.Phantom;
using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>
/// The vertical registration on the noise-free example phantom: what is left is model error, not noise. The WAXS
/// map's pencil beam samples the CT at its motor height, so with the one-voxel footprint the offset is found to a
/// tenth of a CT pixel (the one-step footprint was 4.2 µm off here, as with noise).
/// </summary>
public sealed class NoiseFreeVerticalTests(ITestOutputHelper output)
{
    [Fact]
    public void Noise_free_vertical_offset_is_within_a_tenth_of_a_ct_pixel()
    {
        using var phantom = new NoiseFreeExamplePhantom();
        var truth = new PhantomTruth(phantom.Truth);
        var (calibration, volumes) = PhantomCalibration.Build(phantom.Definition.Raw, phantom.Definition.Geometry, truth);
        var input = RegistrationInputFiles.Read(phantom.Definition, calibration, volumes);
        var offset = truth.FiducialMotorYUm - truth.FiducialCtZ * truth.LowResVoxelUm;
        var found = VerticalStep.Run(input);
        var errorPx = Math.Abs(found.OffsetUm - offset) / calibration.CommonVoxelUm;
        output.WriteLine($"noise-free: offset {found.OffsetUm:F2} µm, truth {offset:F2} µm, error {errorPx:F3} CT px; NCC {found.Ncc:F4}, peak/second {found.PeakToSecond:F2}");
        Assert.True(errorPx <= 0.1, $"vertical error {errorPx:F3} CT px");
    }
}
