using TomoSaxs.Formats.Hdf5;
using TomoSaxs.Geometry;

namespace TomoSaxs.Formats.Nexus;

/// <summary>
/// Reads a DAWN mask file (mask.nxs / SAXS_mask.nxs): dataset entry/mask/mask [rows, columns], integer or
/// boolean, non-zero = excluded pixel (integration note §1.2).
/// </summary>
public static class DawnMaskFile
{
    /// <summary>The dataset path DAWN writes.</summary>
    public const string MaskPath = "entry/mask/mask";

    /// <summary>Reads the mask.</summary>
    /// <exception cref="DataFileException">The file has no 2-D numeric mask at entry/mask/mask.</exception>
    public static DetectorMask Read(string filePath)
    {
        using var file = Hdf5File.Open(filePath);
        var mask = file.Dataset(MaskPath);
        mask.RequireRank(2);
        return DetectorMask.FromValues<double>(mask.Read<double>(), checked((int)mask.Shape[0]), checked((int)mask.Shape[1]));
    }
}
