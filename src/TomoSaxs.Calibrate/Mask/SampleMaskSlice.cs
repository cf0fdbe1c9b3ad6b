namespace TomoSaxs.Calibrate.Mask;

/// <summary>What the sample mask found in one CT slice.</summary>
/// <param name="Z">The slice.</param>
/// <param name="Threshold">The threshold used inside the tube (Otsu's, or the pinned one), CT grey units.</param>
/// <param name="Separability">Otsu's between-class over total variance inside the tube (0…1).</param>
/// <param name="Pixels">Sample pixels in the cleaned mask.</param>
/// <param name="HasSample">False when the separability was too low and the mask was left empty.</param>
public sealed record SampleMaskSlice(int Z, double Threshold, double Separability, long Pixels, bool HasSample);
