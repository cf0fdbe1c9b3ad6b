namespace TomoSaxs.Formats.Xlsx;

/// <summary>
/// One sample's row of <c>vox_padding.xlsx</c>: how many fibre-tracing voxels to add before (start) and after
/// (end) the cropped fibre-tracing volume on each axis to bring it back to the original CT field of view.
/// </summary>
/// <remarks>
/// <para>
/// <b>The "−1" convention.</b> The sheet is filled in by hand from Avizo's "Physical Size … from …" metadata, and
/// the reference scripts (<c>FIVD_calibration.py</c>) pad by <i>sheet value − 1</i> on every axis, for start and
/// end pads alike (registration note §2.2, §3 A1). The pipeline keeps that convention so that existing sheets give
/// the same padded volumes: <see cref="SheetStart"/> and <see cref="SheetEnd"/> hold the numbers exactly as
/// written in the sheet, and <see cref="StartPads"/> and <see cref="EndPads"/> the voxels actually added. A sheet
/// value of 1 therefore means "no padding"; 0 or less is rejected, because the reference would fail on it.
/// </para>
/// <para>Start pads go before index 0 of each axis; end pads ("bottom pad" columns) after the last index.</para>
/// </remarks>
public sealed record VoxelPadding
{
    /// <summary>Creates a row from the values as written in the sheet (each at least 1).</summary>
    /// <exception cref="ArgumentException">The sample is blank or a value is below 1.</exception>
    public VoxelPadding(string sample, VoxelPads sheetStart, VoxelPads sheetEnd)
    {
        if (string.IsNullOrWhiteSpace(sample))
        {
            throw new ArgumentException("The sample name must not be blank.", nameof(sample));
        }

        if (sheetStart.Min < 1 || sheetEnd.Min < 1)
        {
            throw new ArgumentException(
                $"Sheet pad values are at least 1 (the applied pad is value − 1); got start {sheetStart}, end {sheetEnd}.");
        }

        Sample = sample.Trim();
        SheetStart = sheetStart;
        SheetEnd = sheetEnd;
    }

    /// <summary>The sample name (the <c>sample</c> column), trimmed.</summary>
    public string Sample { get; }

    /// <summary>
    /// The start pads as written in the sheet (<c>x/y/z padding (new voxels)</c> columns), before the −1.
    /// </summary>
    public VoxelPads SheetStart { get; }

    /// <summary>
    /// The end pads as written in the sheet (<c>X/Y/Z bottom pad (new voxels)</c> columns), before the −1.
    /// </summary>
    public VoxelPads SheetEnd { get; }

    /// <summary>Voxels to prepend on each axis: <see cref="SheetStart"/> − 1 (fibre-tracing voxels, ≥ 0).</summary>
    public VoxelPads StartPads => SheetStart.Plus(-1);

    /// <summary>Voxels to append on each axis: <see cref="SheetEnd"/> − 1 (fibre-tracing voxels, ≥ 0).</summary>
    public VoxelPads EndPads => SheetEnd.Plus(-1);

    /// <summary>
    /// Creates a row from the voxels actually to be added (each ≥ 0), storing value + 1 as the sheet does; this
    /// is what a generator of <c>vox_padding.xlsx</c> uses.
    /// </summary>
    public static VoxelPadding FromAppliedPads(string sample, VoxelPads startPads, VoxelPads endPads) =>
        new(sample, startPads.Plus(1), endPads.Plus(1));
}
