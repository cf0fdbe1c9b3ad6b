using TomoSaxs.Pipeline.Tests.BuildGraph;
using TomoSaxs.Pipeline.Tests.Phantom;
using TomoSaxs.Register.Output;

namespace TomoSaxs.Pipeline.Tests.Register;

/// <summary>./build.sh Register on the tiny synthetic scan: it runs after Calibrate and the phantom's SAXS files,
/// writes registration.h5 with provenance, is up to date on a second run, and reruns alone when a register
/// parameter changes, using the pinned value.</summary>
[Collection(BuildGraphCollection.Name)]
public sealed class RegisterBuildTests
{
    [Fact]
    public void Register_writes_its_output_then_is_up_to_date_and_a_changed_parameter_reruns_only_it()
    {
        using var build = PhantomBuild.Create();

        var first = build.Run("Register").Succeeded();

        Assert.Contains("Calibrate: to build", first.Output, StringComparison.Ordinal);
        Assert.Contains("Register: to build — output register/registration.h5 is missing", first.Output, StringComparison.Ordinal);
        var registration = RegistrationFile.Read(build.Artifact("register/registration.h5"));
        Assert.Equal(3, registration.AnglesDeg.Count);
        Assert.Equal(2, registration.Slices.Count);
        Assert.Contains(registration.Crossings.Cast<IReadOnlyList<TomoSaxs.Register.Gridding.FibreCrossing>>(), list => list.Count > 0);
        Assert.Empty(Directory.GetFileSystemEntries(build.Artifact("register"), ".*"));
        var built = build.Snapshot();

        var second = build.Run("Register").Succeeded();

        Assert.Contains("everything is up to date", second.Output, StringComparison.Ordinal);
        Assert.Empty(PipelineBuild.Changed(built, build.Snapshot()));

        var changed = build.Run("Register", "--set", "register.beam_fwhm_um=70").Succeeded();

        Assert.Contains("Calibrate: up to date", changed.Output, StringComparison.Ordinal);
        Assert.Contains("Register: to build — parameters changed: register.beam_fwhm_um \"auto\" → 70", changed.Output, StringComparison.Ordinal);
        var rewritten = PipelineBuild.Changed(built, build.Snapshot());
        Assert.Contains("artifacts/demo/register/registration.h5", rewritten);
        Assert.DoesNotContain(rewritten, path => path.StartsWith("artifacts/demo/calibrate/", StringComparison.Ordinal));
        Assert.DoesNotContain(rewritten, path => path.StartsWith(PhantomBuild.RawPrefix, StringComparison.Ordinal));
        Assert.Equal(70, RegistrationFile.Read(build.Artifact("register/registration.h5")).BeamFwhmUm);
    }
}
