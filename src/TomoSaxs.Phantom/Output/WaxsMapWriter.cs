using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Phantom;

/// <summary>
/// Writes the WAXS map in the layout registration reads (registration note §2.3): entry1/WAXS/data (one-pixel
/// frames holding each point's counts), entry1/WAXS_sum/sum [rows, columns] and the motor grids
/// base_x_value / base_y_value [rows, columns] in mm (plus the 1-D *_set axes).
/// </summary>
internal static class WaxsMapWriter
{
    public static void Write(WaxsMapModel map, string path, string fingerprint)
    {
        var root = new ArtefactGroup();
        var entry = root.Group("entry1");
        entry.Attributes.Set("NX_class", "NXentry").Set("phantom_fingerprint", fingerprint);
        entry.AddString("title", "phantom coarse WAXS map at rotation 0°");
        var counts = map.Sums.Select(value => (int)Math.Min(value, int.MaxValue)).ToArray();
        var waxs = entry.Group("WAXS");
        waxs.Attributes.Set("NX_class", "NXdata");
        waxs.AddDataset("data", counts, [map.Rows, map.Columns, 1, 1]).Attributes.Set("units", "counts");
        var sum = entry.Group("WAXS_sum");
        sum.AddDataset("sum", map.Sums, [map.Rows, map.Columns]);
        var x = new double[map.Sums.Length];
        var y = new double[map.Sums.Length];
        for (var r = 0; r < map.Rows; r++)
        {
            for (var c = 0; c < map.Columns; c++)
            {
                x[r * map.Columns + c] = map.MotorXMm[c];
                y[r * map.Columns + c] = map.MotorYMm[r];
            }
        }

        sum.AddDataset("base_x_value", x, [map.Rows, map.Columns]).Attributes.Set("units", "mm");
        sum.AddDataset("base_y_value", y, [map.Rows, map.Columns]).Attributes.Set("units", "mm");
        sum.AddDataset("base_x_value_set", map.MotorXMm).Attributes.Set("units", "mm");
        sum.AddDataset("base_y_value_set", map.MotorYMm).Attributes.Set("units", "mm");
        Hdf5ArtefactWriter.Write(path, root);
    }
}
