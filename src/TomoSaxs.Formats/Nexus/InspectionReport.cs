using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Formats.Nexus;

/// <summary>What <c>tomosaxs inspect FILE</c> shows: the HDF5 tree and, for an I22 scan, its resolved fields.</summary>
/// <param name="FilePath">The inspected file as given.</param>
/// <param name="FileBytes">The file size in bytes.</param>
/// <param name="Root">The tree of groups and datasets.</param>
/// <param name="Scan">The resolved I22 scan fields, or null when the file is not an I22 scan.</param>
/// <param name="NotAScanBecause">Why the file was not read as an I22 scan; null when it was.</param>
public sealed record InspectionReport(string FilePath, long FileBytes, Hdf5Node Root, I22ScanSummary? Scan, string? NotAScanBecause);
