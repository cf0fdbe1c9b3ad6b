namespace TomoSaxs.Phantom;

/// <summary>A fibre crossed by a beam path: its position in the fibre table and its beam weight (fibre-tracing voxels).</summary>
/// <param name="FibreNumber">Row of the fibre table.</param>
/// <param name="Weight">Gaussian-weighted volume in the beam, fibre-tracing voxels.</param>
internal readonly record struct Crossing(int FibreNumber, double Weight);

/// <summary>
/// Everything known about each beam path (angle, slice, position) of the raster: the fibres it crosses with their
/// weights, the path lengths through Kapton, buffer and tissue, the transmission, and the incident and transmitted
/// flux readings. Indexed [angle, slice, position]; computed once by the plan, read by frame generation and truth.
/// </summary>
internal sealed class BeamPathTable
{
    public BeamPathTable(int angles, int slices, int positions)
    {
        Angles = angles;
        Slices = slices;
        Positions = positions;
        var count = angles * slices * positions;
        Crossings = new Crossing[count][];
        Kapton = new double[count];
        Buffer = new double[count];
        Tissue = new double[count];
        Transmission = new double[count];
        OffsetFromTube = new double[count];
        IncidentFlux = new double[count];
    }

    public int Angles { get; }

    public int Slices { get; }

    public int Positions { get; }

    /// <summary>The crossed fibres of each path, by ascending fibre number.</summary>
    public Crossing[][] Crossings { get; }

    /// <summary>Kapton path length, µm.</summary>
    public double[] Kapton { get; }

    /// <summary>Buffer path length, µm.</summary>
    public double[] Buffer { get; }

    /// <summary>Tissue path length (sample thickness), µm.</summary>
    public double[] Tissue { get; }

    /// <summary>Transmission exp(−Σ μ·L).</summary>
    public double[] Transmission { get; }

    /// <summary>Lateral offset of the beam from the tube axis, µm.</summary>
    public double[] OffsetFromTube { get; }

    /// <summary>Incident-flux monitor reading I0 (channel 5).</summary>
    public double[] IncidentFlux { get; }

    /// <summary>The flat index of (angle, slice, position).</summary>
    public int Index(int angle, int slice, int position) => (angle * Slices + slice) * Positions + position;
}
