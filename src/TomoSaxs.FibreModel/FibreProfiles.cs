namespace TomoSaxs.FibreModel;

/// <summary>
/// One-dimensional profiles of a single fibre on a precomputed <see cref="EwaldGrid"/> (reference note,
/// amplitudes §2.4). The span overloads write into caller-owned buffers and allocate nothing, so a stage can
/// evaluate thousands of fibres on one grid with one output buffer per thread.
/// </summary>
public static class FibreProfiles
{
    /// <summary>
    /// The azimuthal profile I(χ_i) = amp · w · mean_j I(Q_f(q_j, χ_i)) for every χ of <paramref name="grid"/>,
    /// written into <paramref name="ichi"/> (length <see cref="EwaldGrid.ChiCount"/>). Units: model intensity × amp × w.
    /// </summary>
    /// <param name="grid">The χ × q grid (q in nm⁻¹, χ in degrees, model convention).</param>
    /// <param name="fibre">The prepared fibre.</param>
    /// <param name="amplitude">amp, the fibre's scattering amplitude (dimensionless scale).</param>
    /// <param name="weight">w, the beam-path weight of the fibre (dimensionless).</param>
    /// <param name="ichi">Output, one value per χ sample.</param>
    public static void ChiProfile(EwaldGrid grid, in FibreKernel fibre, double amplitude, double weight, Span<double> ichi)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (ichi.Length != grid.ChiCount)
        {
            throw new ArgumentException($"The output holds {ichi.Length} values but the grid has {grid.ChiCount} χ samples.", nameof(ichi));
        }

        var nq = grid.QCount;
        var qx = grid.Qx;
        var qy = grid.Qy;
        var qz = grid.Qz;
        for (var i = 0; i < ichi.Length; i++)
        {
            var row = i * nq;
            var sum = 0.0;
            for (var j = row; j < row + nq; j++)
            {
                sum += fibre.IntensityAtLab(qx[j], qy[j], qz[j]);
            }

            // Same association as the reference, (mean · w) · amp.
            ichi[i] = sum / nq * weight * amplitude;
        }
    }

    /// <summary>The azimuthal profile I(χ) as a new array; see the span overload for units.</summary>
    public static double[] ChiProfile(EwaldGrid grid, FibreParameters parameters, FibreOrientation orientation, double amplitude = 1.0, double weight = 1.0)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var result = new double[grid.ChiCount];
        ChiProfile(grid, new FibreKernel(parameters, orientation), amplitude, weight, result);
        return result;
    }

    /// <summary>
    /// The sector profile I(q_j) = amp · w · mean_i I(Q_f(q_j, χ_i)) over the χ samples of <paramref name="grid"/>
    /// (a sector grid, see <see cref="EwaldGrid.ForSector"/>), written into <paramref name="iq"/> (length
    /// <see cref="EwaldGrid.QCount"/>).
    /// </summary>
    /// <param name="grid">The sector grid: χ samples across the sector (degrees), q bin centres (nm⁻¹).</param>
    /// <param name="fibre">The prepared fibre.</param>
    /// <param name="amplitude">amp, the fibre's scattering amplitude (dimensionless scale).</param>
    /// <param name="weight">w, the beam-path weight of the fibre (dimensionless).</param>
    /// <param name="iq">Output, one value per q sample.</param>
    public static void SectorQProfile(EwaldGrid grid, in FibreKernel fibre, double amplitude, double weight, Span<double> iq)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (iq.Length != grid.QCount)
        {
            throw new ArgumentException($"The output holds {iq.Length} values but the grid has {grid.QCount} q samples.", nameof(iq));
        }

        var nq = grid.QCount;
        var nchi = grid.ChiCount;
        var qx = grid.Qx;
        var qy = grid.Qy;
        var qz = grid.Qz;
        iq.Clear();
        // χ-outer keeps the component arrays streaming in storage order.
        for (var i = 0; i < nchi; i++)
        {
            var row = i * nq;
            for (var j = 0; j < nq; j++)
            {
                iq[j] += fibre.IntensityAtLab(qx[row + j], qy[row + j], qz[row + j]);
            }
        }

        for (var j = 0; j < nq; j++)
        {
            iq[j] = iq[j] / nchi * weight * amplitude;
        }
    }

    /// <summary>The sector profile I(q) as a new array; see the span overload for units.</summary>
    public static double[] SectorQProfile(EwaldGrid grid, FibreParameters parameters, FibreOrientation orientation, double amplitude = 1.0, double weight = 1.0)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var result = new double[grid.QCount];
        SectorQProfile(grid, new FibreKernel(parameters, orientation), amplitude, weight, result);
        return result;
    }
}
