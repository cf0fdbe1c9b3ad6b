namespace TomoSaxs.Pipeline.Tests;

public sealed class ArtifactLayoutTests
{
    private readonly ArtifactLayout layout = ArtifactLayout.For("/data/artifacts", "IVD_01");

    [Fact]
    public void Artefacts_stamps_and_slices_have_fixed_places_under_the_scan_folder()
    {
        Assert.Equal("/data/artifacts/IVD_01", layout.ScanDirectory);
        Assert.Equal("/data/artifacts/IVD_01/stamps/Integrate.parameters.json", layout.ParameterStamp("Integrate"));
        Assert.Equal("/data/artifacts/IVD_01/stamps/Integrate.version", layout.VersionStamp("Integrate"));
        Assert.Equal("/data/artifacts/IVD_01/slices/03", layout.SliceDirectory(3));
        Assert.Equal("/data/artifacts/IVD_01/slices/117", layout.SliceDirectory(117));
    }

    [Fact]
    public void A_path_declared_for_all_slices_is_made_concrete_per_slice()
    {
        const string template = "/data/artifacts/IVD_01/slices/{slice}/ichi.h5";

        Assert.True(ArtifactLayout.IsPerSlice(template));
        Assert.Equal("/data/artifacts/IVD_01/slices/07/ichi.h5", ArtifactLayout.ForSlice(template, 7));
        Assert.False(ArtifactLayout.IsPerSlice(ArtifactLayout.ForSlice(template, 7)));
    }

    [Fact]
    public void Messages_show_paths_relative_to_the_scan_folder_when_inside_it()
    {
        Assert.Equal("slices/03/ichi.h5", layout.Display("/data/artifacts/IVD_01/slices/03/ichi.h5"));
        Assert.Equal("/data/raw/mask.nxs", layout.Display("/data/raw/mask.nxs"));
    }
}
