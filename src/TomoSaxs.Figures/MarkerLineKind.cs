namespace TomoSaxs.Figures;

/// <summary>What a vertical marker line on a profile stands for; it sets the line's colour.</summary>
public enum MarkerLineKind
{
    /// <summary>A boundary, e.g. a tube wall or a beam-path edge (magenta).</summary>
    Boundary,

    /// <summary>A centre, e.g. the tube centre (green, dashed).</summary>
    Centre,
}
