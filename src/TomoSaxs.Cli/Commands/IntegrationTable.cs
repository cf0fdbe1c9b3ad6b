using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Cli.Commands;

/// <summary>An integration result ready to print as CSV or store as HDF5.</summary>
internal sealed class IntegrationTable
{
    private IntegrationTable(string[] headers, double[][] columns, Action<ArtefactGroup> toHdf5)
    {
        Headers = headers;
        Columns = columns;
        ToHdf5 = toHdf5;
    }

    public string[] Headers { get; }

    public double[][] Columns { get; }

    private Action<ArtefactGroup> ToHdf5 { get; }

    /// <summary>A 1-D profile: axis values and intensities.</summary>
    public static IntegrationTable Profile(string axis, IReadOnlyList<double> centres, double[] intensity) =>
        new([axis, "intensity"], [[.. centres], intensity], group =>
        {
            group.AddDataset(axis.Replace("^-1", string.Empty, StringComparison.Ordinal), centres.ToArray());
            group.AddDataset("intensity", intensity);
        });

    /// <summary>A cake laid out [χ, q]; the CSV form has one row per bin (q varies fastest).</summary>
    public static IntegrationTable Cake(IReadOnlyList<double> q, IReadOnlyList<double> chi, double[] intensity)
    {
        var qColumn = new double[intensity.Length];
        var chiColumn = new double[intensity.Length];
        for (var c = 0; c < chi.Count; c++)
        {
            for (var r = 0; r < q.Count; r++)
            {
                qColumn[c * q.Count + r] = q[r];
                chiColumn[c * q.Count + r] = chi[c];
            }
        }

        return new(["chi_deg", "q_nm^-1", "intensity"], [chiColumn, qColumn, intensity], group =>
        {
            group.AddDataset("q_nm", q.ToArray());
            group.AddDataset("chi_deg", chi.ToArray());
            group.AddDataset("intensity", intensity, [chi.Count, q.Count]);
        });
    }

    /// <summary>Writes HDF5 when the path ends in .h5/.hdf5/.nxs, CSV otherwise; standard output when there is no path.</summary>
    public void Write(string? path, TextWriter output)
    {
        var extension = path is null ? string.Empty : Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".h5" or ".hdf5" or ".nxs")
        {
            var root = new ArtefactGroup();
            ToHdf5(root);
            Hdf5ArtefactWriter.Write(path!, root);
            output.WriteLine($"wrote {path}");
            return;
        }

        CommandOutput.WriteCsv(path, output, Headers, Columns);
    }
}
