namespace TomoSaxs.Geometry;

/// <summary>
/// A detector model that a <c>.poni</c> file may name without giving its pixel size (pyFAI writes
/// <c>Detector: Pilatus2m</c> with an empty <c>Detector_config</c> for its built-in models).
/// </summary>
/// <param name="Name">pyFAI's class name, e.g. <c>Pilatus2M</c>.</param>
/// <param name="Pixel1Um">Row pitch, µm.</param>
/// <param name="Pixel2Um">Column pitch, µm.</param>
/// <param name="Rows">Full-frame rows (dimension 1).</param>
/// <param name="Cols">Full-frame columns (dimension 2).</param>
public sealed record KnownDetector(string Name, double Pixel1Um, double Pixel2Um, int Rows, int Cols)
{
    private static readonly KnownDetector[] All =
    [
        new("Pilatus100k", 172, 172, 195, 487),
        new("Pilatus200k", 172, 172, 407, 487),
        new("Pilatus300k", 172, 172, 619, 487),
        new("Pilatus300kw", 172, 172, 195, 1475),
        new("Pilatus1M", 172, 172, 1043, 981),
        new("Pilatus2M", 172, 172, 1679, 1475),
        new("Pilatus6M", 172, 172, 2527, 2463),
        new("Eiger500k", 75, 75, 514, 1030),
        new("Eiger1M", 75, 75, 1065, 1030),
        new("Eiger4M", 75, 75, 2167, 2070),
        new("Eiger9M", 75, 75, 3269, 3110),
        new("Eiger16M", 75, 75, 4371, 4150),
    ];

    /// <summary>
    /// Finds a model by name the way pyFAI's detector factory does: case-insensitive, ignoring spaces,
    /// underscores and hyphens. Returns null for an unknown name.
    /// </summary>
    /// <param name="name">Detector name as written in a <c>.poni</c> file.</param>
    public static KnownDetector? Find(string name)
    {
        var key = Normalise(name);
        return All.FirstOrDefault(d => Normalise(d.Name) == key);
    }

    private static string Normalise(string name) =>
        new(name.Where(c => c is not (' ' or '_' or '-')).Select(char.ToLowerInvariant).ToArray());
}
