using TomoSaxs.Register.Stage;
using TomoSaxs.TestSupport.Phantom;
using Xunit.Abstractions;

namespace TomoSaxs.Register.Tests.Stage;

/// <summary>
/// The vertical registration on the example phantom without counting noise: what is left is the model's error (the
/// WAXS and CT contrasts differ by material), not noise. With the WAXS beam's profile modelled the offset is within a
/// tenth of a CT pixel (measured 0.004 px; 0.009 px with noise); <see cref="WaxsRowPhaseTests"/> moves the WAXS rows.
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
