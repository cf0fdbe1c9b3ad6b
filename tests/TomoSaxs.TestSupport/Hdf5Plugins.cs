namespace TomoSaxs.TestSupport;

/// <summary>
/// Finds the folder holding an HDF5 filter plugin of the C library (e.g. <c>libh5bshuf.so</c>), so tests can run
/// h5dump with <c>HDF5_PLUGIN_PATH</c> set and check that libhdf5 itself decodes the chunks we encode. Debian puts
/// the plugins in <c>/usr/lib/&lt;arch&gt;/hdf5/serial/plugins</c>, which libhdf5 does not search by default.
/// </summary>
public static class Hdf5Plugins
{
    /// <summary>The bitshuffle plugin (filter 32008); Debian package <c>bitshuffle</c>.</summary>
    public const string Bitshuffle = "libh5bshuf.so";

    /// <summary>The LZ4 plugin (filter 32004); Debian package <c>hdf5-filter-plugin</c>.</summary>
    public const string Lz4 = "libh5lz4.so";

    /// <summary>
    /// The folder holding <paramref name="library"/>: <c>HDF5_PLUGIN_PATH</c> when set, otherwise the Debian and
    /// libhdf5 default locations.
    /// </summary>
    /// <exception cref="FileNotFoundException">The plugin is not installed; the message says which package provides it.</exception>
    public static string FolderOf(string library)
    {
        var fromEnvironment = (Environment.GetEnvironmentVariable("HDF5_PLUGIN_PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var debian = Directory.Exists("/usr/lib")
            ? Directory.GetDirectories("/usr/lib").Select(arch => System.IO.Path.Combine(arch, "hdf5", "serial", "plugins"))
            : [];
        string[] defaults = ["/usr/lib/hdf5/serial/plugins", "/usr/local/hdf5/lib/plugin"];
        var found = fromEnvironment.Concat(debian).Concat(defaults)
            .FirstOrDefault(folder => File.Exists(System.IO.Path.Combine(folder, library)));
        return found ?? throw new FileNotFoundException(
            $"The HDF5 filter plugin {library} was not found (searched HDF5_PLUGIN_PATH, /usr/lib/<arch>/hdf5/serial/plugins " +
            $"and /usr/local/hdf5/lib/plugin). These tests check our encoder against the C plugin: install it with " +
            $"`apt-get install {PackageOf(library)}` (Debian/Ubuntu), or point HDF5_PLUGIN_PATH at the folder holding it.");
    }

    private static string PackageOf(string library) => library switch
    {
        Bitshuffle => "bitshuffle",
        Lz4 => "hdf5-filter-plugin",
        _ => "the package providing it",
    };
}
