using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Formats.Nexus;

/// <summary>
/// Reads the coarse WAXS map from an I22 NeXus file (registration note §2.3, docs/phantom.md): the per-point
/// totals <c>&lt;entry&gt;/WAXS_sum/sum</c> <c>[rows, columns]</c> (trailing singleton dimensions allowed) and the
/// motor grids <c>base_x_value</c>/<c>base_y_value</c> of the same shape, converted to µm with their
/// <c>units</c> attribute (mm when absent). When a grid is missing, the 1-D <c>base_x_value_set</c> /
/// <c>base_y_value_set</c> axes are used. Every problem is a <see cref="DataFileException"/> naming the file and
/// the dataset.
/// </summary>
public static class WaxsMapFile
{
    /// <summary>A motor grid is separable when every row (column) repeats the first one within this, µm.</summary>
    public const double GridToleranceUm = 0.5;

    /// <summary>Reads the map.</summary>
    /// <param name="filePath">The WAXS map NeXus file (scan.yaml <c>raw.waxs_map</c>).</param>
    /// <exception cref="DataFileException">A dataset is missing, has the wrong shape or unit, or the motor grid is
    /// not a separable raster.</exception>
    public static WaxsMap Read(string filePath)
    {
        using var file = Hdf5File.Open(filePath);
        var entry = file.Members("/").FirstOrDefault(member => member.Kind == Hdf5ObjectKind.Group)?.Path
            ?? throw new DataFileException(filePath, "/", "has no entry group (expected e.g. /entry1/WAXS_sum/sum)");
        var sumPath = $"{entry}/WAXS_sum/sum";
        if (!file.IsDataset(sumPath))
        {
            throw new DataFileException(filePath, sumPath, "does not exist: the file holds no WAXS map totals");
        }

        var sumSet = file.Dataset(sumPath);
        var shape = sumSet.Shape.ToList();
        while (shape.Count > 2 && shape[^1] == 1)
        {
            shape.RemoveAt(shape.Count - 1);
        }

        if (shape.Count != 2 || shape[0] < 1 || shape[1] < 1)
        {
            throw new DataFileException(filePath, sumPath, $"has shape {Hdf5Dataset.FormatShape(sumSet.Shape)}, expected [rows, columns]");
        }

        var (rows, columns) = (checked((int)shape[0]), checked((int)shape[1]));
        var flat = sumSet.Read<double>();
        var sums = new double[rows, columns];
        Buffer.BlockCopy(flat, 0, sums, 0, flat.Length * sizeof(double));
        var x = Axis(file, filePath, $"{entry}/WAXS_sum/base_x_value", rows, columns, alongRows: false);
        var y = Axis(file, filePath, $"{entry}/WAXS_sum/base_y_value", rows, columns, alongRows: true);
        return new WaxsMap(sums, y, x);
    }

    /// <summary>The motor position of every column (x) or row (y), µm, from the 2-D grid or the 1-D axis.</summary>
    private static double[] Axis(Hdf5File file, string filePath, string gridPath, int rows, int columns, bool alongRows)
    {
        var count = alongRows ? rows : columns;
        if (file.IsDataset(gridPath))
        {
            var grid = file.Dataset(gridPath);
            if (grid.ElementCount != (long)rows * columns)
            {
                throw new DataFileException(filePath, gridPath,
                    $"has shape {Hdf5Dataset.FormatShape(grid.Shape)}, expected [{rows}, {columns}] like the WAXS totals");
            }

            var factor = Factor(grid, filePath);
            var values = grid.Read<double>();
            var axis = new double[count];
            for (var i = 0; i < count; i++)
            {
                axis[i] = values[alongRows ? i * columns : i] * factor;
            }

            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    var value = values[r * columns + c] * factor;
                    var expected = axis[alongRows ? r : c];
                    if (!(Math.Abs(value - expected) <= GridToleranceUm))
                    {
                        throw new DataFileException(filePath, gridPath,
                            $"is not a raster grid: point [{r}, {c}] is at {value:G6} µm, but its {(alongRows ? "row" : "column")} is at {expected:G6} µm");
                    }
                }
            }

            return axis;
        }

        var setPath = gridPath + "_set";
        if (!file.IsDataset(setPath))
        {
            throw new DataFileException(filePath, gridPath, $"does not exist (nor does {setPath}): the WAXS map records no motor positions");
        }

        var set = file.Dataset(setPath);
        if (set.ElementCount != count)
        {
            throw new DataFileException(filePath, setPath, $"has {set.ElementCount} values, expected {count} (one per {(alongRows ? "row" : "column")})");
        }

        var setFactor = Factor(set, filePath);
        return [.. set.Read<double>().Select(v => v * setFactor)];
    }

    private static double Factor(Hdf5Dataset dataset, string filePath)
    {
        var unit = dataset.Units;
        return string.IsNullOrWhiteSpace(unit)
            ? NexusUnits.MicrometresPer("mm")!.Value
            : NexusUnits.MicrometresPer(unit) ?? throw new DataFileException(filePath, $"{dataset.Path}@units", $"'{unit}' is not a length unit this reader knows");
    }
}
