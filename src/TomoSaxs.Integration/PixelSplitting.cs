namespace TomoSaxs.Integration;

/// <summary>How a pixel's intensity is shared between output bins.</summary>
public enum PixelSplitting
{
    /// <summary>No splitting: each pixel goes whole into the bin of its centre (pyFAI "no" / histogram).</summary>
    None,

    /// <summary>
    /// Bounding-box splitting: the pixel's box [centre ± half-width] on each axis is shared in proportion to its
    /// overlap with each bin (pyFAI "bbox").
    /// </summary>
    BoundingBox,
}
