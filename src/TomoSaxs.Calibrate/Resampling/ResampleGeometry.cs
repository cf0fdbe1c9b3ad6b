using TomoSaxs.Calibrate.Volumes;

namespace TomoSaxs.Calibrate.Resampling;

/// <summary>
/// Where an input volume lies on an output voxel grid: the input and output voxel sizes (isotropic, µm), the
/// output shape, and the position of the input's first voxel corner in the output frame (µm per axis).
/// </summary>
/// <param name="Input">The input volume's shape.</param>
/// <param name="InputVoxelUm">The input voxel edge, µm.</param>
/// <param name="OutputVoxelUm">The output voxel edge, µm.</param>
/// <param name="Output">The output volume's shape.</param>
/// <param name="OriginUm">The input's first corner in the output frame, µm, as (z, y, x).</param>
public sealed record ResampleGeometry(VolumeShape Input, double InputVoxelUm, double OutputVoxelUm, VolumeShape Output, (double Z, double Y, double X) OriginUm)
{
    /// <summary>
    /// The plain change of voxel size: the output grid starts at the input's corner and covers the whole input
    /// (a partial last voxel per axis averages the part it covers).
    /// </summary>
    public static ResampleGeometry Covering(VolumeShape input, double inputVoxelUm, double outputVoxelUm)
    {
        input.RequireNonEmpty("The input volume");
        var output = new VolumeShape(
            AxisFootprint.CoveringCount(input.Depth, inputVoxelUm, outputVoxelUm),
            AxisFootprint.CoveringCount(input.Height, inputVoxelUm, outputVoxelUm),
            AxisFootprint.CoveringCount(input.Width, inputVoxelUm, outputVoxelUm));
        return new ResampleGeometry(input, inputVoxelUm, outputVoxelUm, output, (0, 0, 0));
    }

    /// <summary>The footprints along z, y and x.</summary>
    public (AxisFootprint Z, AxisFootprint Y, AxisFootprint X) Footprints()
    {
        Input.RequireNonEmpty("The input volume");
        Output.RequireNonEmpty("The output volume");
        return (
            AxisFootprint.Create(Input.Depth, InputVoxelUm, OutputVoxelUm, Output.Depth, OriginUm.Z),
            AxisFootprint.Create(Input.Height, InputVoxelUm, OutputVoxelUm, Output.Height, OriginUm.Y),
            AxisFootprint.Create(Input.Width, InputVoxelUm, OutputVoxelUm, Output.Width, OriginUm.X));
    }
}
