using TomoSaxs.Formats.Nexus;

namespace TomoSaxs.Formats.Tests.Nexus;

/// <summary>Unit strings of NeXus "units" attributes convert to µm, nm and s.</summary>
public sealed class NexusUnitsTests
{
    [Theory]
    [InlineData("mm", 1000.0)]
    [InlineData(" MM ", 1000.0)]
    [InlineData("m", 1e6)]
    [InlineData("um", 1.0)]
    [InlineData("µm", 1.0)]
    [InlineData("micron", 1.0)]
    [InlineData("nm", 1e-3)]
    [InlineData("Angstrom", 1e-4)]
    [InlineData("Å", 1e-4)]
    public void Lengths_convert_to_micrometres(string unit, double micrometres) =>
        Assert.Equal(micrometres, NexusUnits.MicrometresPer(unit)!.Value, 12);

    [Theory]
    [InlineData("Angstrom", 0.1)]
    [InlineData("nm", 1.0)]
    [InlineData("m", 1e9)]
    public void Wavelengths_convert_to_nanometres(string unit, double nanometres) =>
        Assert.Equal(nanometres, NexusUnits.NanometresPer(unit)!.Value, 9);

    [Theory]
    [InlineData("s", 1.0)]
    [InlineData("ms", 1e-3)]
    [InlineData("us", 1e-6)]
    [InlineData("min", 60.0)]
    public void Times_convert_to_seconds(string unit, double seconds) =>
        Assert.Equal(seconds, NexusUnits.SecondsPer(unit)!.Value, 12);

    [Fact]
    public void Unknown_units_are_null()
    {
        Assert.Null(NexusUnits.MicrometresPer("counts"));
        Assert.Null(NexusUnits.SecondsPer("mm"));
    }
}
