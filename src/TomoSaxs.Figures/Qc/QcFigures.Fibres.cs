namespace TomoSaxs.Figures;

public static partial class QcFigures
{
    /// <summary>
    /// The fibres of the model seen along one projection angle: every fibre point at its raster position (across the
    /// beam) and its position along the beam, coloured by fibre id, with the edges of the beam paths as vertical
    /// lines and the tube as a circle. At most 200 000 points are drawn, chosen evenly.
    /// </summary>
    /// <param name="rasterXUm">Each point's position across the beam (the raster coordinate), µm.</param>
    /// <param name="alongBeamUm">Each point's position along the beam, µm.</param>
    /// <param name="fibreIds">Each point's fibre id; negative for points in no fibre.</param>
    /// <param name="pathEdgesUm">Raster positions of the beam-path edges, µm.</param>
    /// <param name="tubeCentreXUm">Tube centre across the beam, µm.</param>
    /// <param name="tubeCentreAlongBeamUm">Tube centre along the beam, µm.</param>
    /// <param name="tubeRadiusUm">Tube radius, µm.</param>
    /// <param name="title">Figure title, e.g. naming the angle.</param>
    /// <param name="path">PNG file to write.</param>
    /// <param name="size">Image size; default <see cref="FigureSize.Default"/>.</param>
    public static void FibreProjection(
        double[] rasterXUm, double[] alongBeamUm, int[] fibreIds, double[] pathEdgesUm,
        double tubeCentreXUm, double tubeCentreAlongBeamUm, double tubeRadiusUm, string title, string path,
        FigureSize? size = null)
    {
        Guard.Path(path, nameof(path));
        BuildFibreProjection(rasterXUm, alongBeamUm, fibreIds, pathEdgesUm, tubeCentreXUm, tubeCentreAlongBeamUm, tubeRadiusUm, title)
            .SavePng(path, size);
    }

    internal static LabelScatterFigure BuildFibreProjection(
        double[] rasterXUm, double[] alongBeamUm, int[] fibreIds, double[] pathEdgesUm,
        double tubeCentreXUm, double tubeCentreAlongBeamUm, double tubeRadiusUm, string title)
    {
        Guard.NotEmpty(rasterXUm, nameof(rasterXUm));
        Guard.SameLength(rasterXUm, nameof(rasterXUm), alongBeamUm, nameof(alongBeamUm));
        Guard.SameLength(rasterXUm, nameof(rasterXUm), fibreIds, nameof(fibreIds));
        Guard.NotEmpty(pathEdgesUm, nameof(pathEdgesUm));
        foreach (var edge in pathEdgesUm)
        {
            Guard.Finite(edge, nameof(pathEdgesUm));
        }

        Guard.Finite(tubeCentreXUm, nameof(tubeCentreXUm));
        Guard.Finite(tubeCentreAlongBeamUm, nameof(tubeCentreAlongBeamUm));
        Guard.PositiveFinite(tubeRadiusUm, nameof(tubeRadiusUm));
        var figure = new LabelScatterFigure(rasterXUm, alongBeamUm, fibreIds, title, "raster position x (µm)", "along the beam (µm)")
            .AddCircle(tubeCentreXUm, tubeCentreAlongBeamUm, tubeRadiusUm);
        foreach (var edge in pathEdgesUm)
        {
            figure.AddVerticalLine(edge, null);
        }

        return figure;
    }
}
