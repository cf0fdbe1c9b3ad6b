using TomoSaxs.Formats.Xlsx;

namespace TomoSaxs.Phantom;

/// <summary>
/// The fibre-tracing volumes as Avizo exports them: on the fibre-tracing grid (the high-resolution field of view at
/// high-resolution voxel × scale), cropped to the fibres' bounding box plus a margin; theta = α (polar angle from
/// the vertical, 1…179°, 8-bit), phi = β (azimuth about the vertical from the CT row axis towards the column axis,
/// 0…179°, 8-bit; the axis representative with β in [0°, 180°)), index = fibre id (16-bit); 0 where there is no
/// fibre. The crop's start and end pads (fibre voxels) are what vox_padding.xlsx records.
/// </summary>
internal sealed class FibreTracingVolume
{
    public FibreTracingVolume(PhantomPlan plan)
    {
        var grid = plan.Ct.Fibre;
        Grid = grid;
        var labels = new int[grid.Slices][];
        Parallel.For(0, grid.Slices, k =>
        {
            labels[k] = new int[grid.Rows * grid.Columns];
            FibreRasterizer.Slice(grid, k, plan.Fibres, labels[k]);
        });

        var (z0, z1, y0, y1, x0, x1) = (int.MaxValue, -1, int.MaxValue, -1, int.MaxValue, -1);
        for (var k = 0; k < grid.Slices; k++)
        {
            for (var row = 0; row < grid.Rows; row++)
            {
                for (var column = 0; column < grid.Columns; column++)
                {
                    if (labels[k][row * grid.Columns + column] != 0)
                    {
                        (z0, z1) = (Math.Min(z0, k), Math.Max(z1, k));
                        (y0, y1) = (Math.Min(y0, row), Math.Max(y1, row));
                        (x0, x1) = (Math.Min(x0, column), Math.Max(x1, column));
                    }
                }
            }
        }

        if (z1 < 0)
        {
            throw new InvalidOperationException("No fibre covers any fibre-tracing voxel centre; the fibres are thinner than the fibre-tracing voxel.");
        }

        var margin = plan.Spec.FibreTracing.CropMarginVoxels;
        CropStart = new VoxelPads(Math.Max(0, x0 - margin), Math.Max(0, y0 - margin), Math.Max(0, z0 - margin));
        var end = new VoxelPads(Math.Min(grid.Columns - 1, x1 + margin), Math.Min(grid.Rows - 1, y1 + margin), Math.Min(grid.Slices - 1, z1 + margin));
        CropSize = new VoxelPads(end.X - CropStart.X + 1, end.Y - CropStart.Y + 1, end.Z - CropStart.Z + 1);
        EndPads = new VoxelPads(grid.Columns - end.X - 1, grid.Rows - end.Y - 1, grid.Slices - end.Z - 1);

        Theta = new byte[CropSize.Z][,];
        Phi = new byte[CropSize.Z][,];
        Index = new ushort[CropSize.Z][,];
        var codes = plan.Fibres.Select(AngleCodes).ToArray();
        for (var k = 0; k < CropSize.Z; k++)
        {
            Theta[k] = new byte[CropSize.Y, CropSize.X];
            Phi[k] = new byte[CropSize.Y, CropSize.X];
            Index[k] = new ushort[CropSize.Y, CropSize.X];
            var slice = labels[CropStart.Z + k];
            for (var row = 0; row < CropSize.Y; row++)
            {
                for (var column = 0; column < CropSize.X; column++)
                {
                    var label = slice[(CropStart.Y + row) * grid.Columns + CropStart.X + column];
                    if (label == 0)
                    {
                        continue;
                    }

                    var fibre = plan.Fibres[label - 1];
                    (Theta[k][row, column], Phi[k][row, column]) = codes[label - 1];
                    Index[k][row, column] = (ushort)fibre.Id;
                }
            }
        }
    }

    /// <summary>The uncropped grid.</summary>
    public VoxelGrid Grid { get; }

    /// <summary>First voxel of the crop on each axis (= the start pads), fibre voxels.</summary>
    public VoxelPads CropStart { get; }

    /// <summary>Size of the crop on each axis, fibre voxels.</summary>
    public VoxelPads CropSize { get; }

    /// <summary>Voxels after the crop on each axis (the end pads), fibre voxels.</summary>
    public VoxelPads EndPads { get; }

    /// <summary>α per voxel, degrees, [z][row, column].</summary>
    public byte[][,] Theta { get; }

    /// <summary>β per voxel, degrees, [z][row, column].</summary>
    public byte[][,] Phi { get; }

    /// <summary>Fibre id per voxel, [z][row, column].</summary>
    public ushort[][,] Index { get; }

    /// <summary>The 8-bit (theta, phi) a fibre's voxels hold: whole degrees, keeping the axis representative with phi in 0…179.</summary>
    public static (byte Theta, byte Phi) AngleCodes(FibreSegment fibre)
    {
        var alpha = fibre.AlphaDeg;
        var beta = Math.Round(fibre.BetaDeg, MidpointRounding.ToEven);
        if (beta >= 180)
        {
            beta -= 180;
            alpha = 180 - alpha;
        }

        var theta = Math.Clamp(Math.Round(alpha, MidpointRounding.ToEven), 1, 179);
        return ((byte)theta, (byte)beta);
    }
}
