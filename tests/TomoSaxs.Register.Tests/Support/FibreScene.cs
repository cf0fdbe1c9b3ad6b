namespace TomoSaxs.Register.Tests.Support;

/// <summary>A straight cylindrical fibre in the sample frame (µm from the tube axis; height from the slab top).</summary>
/// <param name="Id">Its fibreId.</param>
/// <param name="U">Centre along CT columns, µm from the tube axis.</param>
/// <param name="W">Centre along CT rows, µm from the tube axis.</param>
/// <param name="H">Centre height below the slab top, µm.</param>
/// <param name="AlphaDeg">Polar angle from the vertical, degrees.</param>
/// <param name="BetaDeg">Azimuth from +w towards +u, degrees.</param>
/// <param name="Length">Length, µm.</param>
/// <param name="Radius">Radius, µm.</param>
internal sealed record Fibre(int Id, double U, double W, double H, double AlphaDeg, double BetaDeg, double Length, double Radius)
{
    /// <summary>The axis n = (sin α sin β, cos α, sin α cos β) as (u, up, w).</summary>
    public (double U, double Up, double W) Axis
    {
        get
        {
            var (sa, ca) = Math.SinCos(AlphaDeg * Math.PI / 180);
            var (sb, cb) = Math.SinCos(BetaDeg * Math.PI / 180);
            return (sa * sb, ca, sa * cb);
        }
    }

    /// <summary>Whether point (u, up, w) lies inside (height up = −depth below the slab top).</summary>
    public bool Contains(double u, double h, double w)
    {
        var (nu, nup, nw) = Axis;
        var (du, dup, dw) = (u - U, -(h - H), w - W);
        var t = du * nu + dup * nup + dw * nw;
        if (Math.Abs(t) > Length / 2)
        {
            return false;
        }

        var (pu, pup, pw) = (du - t * nu, dup - t * nup, dw - t * nw);
        return pu * pu + pup * pup + pw * pw <= Radius * Radius;
    }
}

/// <summary>
/// Rasterises fibres into calibrated fibre volumes (fibreId, α, β) of a slab: voxel (z, r, c) is inside a fibre
/// when its centre is. The tube axis sits at <see cref="TubeCentreUm"/> in the volume's µm frame.
/// </summary>
internal sealed class FibreScene
{
    public FibreScene(IReadOnlyList<Fibre> fibres, int depth, int size, double voxel, (double Y, double X) tubeCentreUm)
    {
        Voxel = voxel;
        TubeCentreUm = tubeCentreUm;
        Ids = new int[depth, size, size];
        Alpha = new float[depth, size, size];
        Beta = new float[depth, size, size];
        foreach (var fibre in fibres)
        {
            var reach = fibre.Length / 2 + fibre.Radius + voxel;
            int Lo(double centreUm, double origin) => Math.Max(0, (int)Math.Floor((centreUm + origin - reach) / voxel));
            int Hi(double centreUm, double origin) => Math.Min(size - 1, (int)Math.Ceiling((centreUm + origin + reach) / voxel));
            for (var z = 0; z < depth; z++)
            {
                for (var r = Lo(fibre.W, tubeCentreUm.Y); r <= Hi(fibre.W, tubeCentreUm.Y); r++)
                {
                    for (var c = Lo(fibre.U, tubeCentreUm.X); c <= Hi(fibre.U, tubeCentreUm.X); c++)
                    {
                        var (u, w, h) = ((c + 0.5) * voxel - tubeCentreUm.X, (r + 0.5) * voxel - tubeCentreUm.Y, (z + 0.5) * voxel);
                        if (fibre.Contains(u, h, w))
                        {
                            Ids[z, r, c] = fibre.Id;
                            Alpha[z, r, c] = (float)fibre.AlphaDeg;
                            Beta[z, r, c] = (float)fibre.BetaDeg;
                        }
                    }
                }
            }
        }
    }

    public double Voxel { get; }

    public (double Y, double X) TubeCentreUm { get; }

    public int[,,] Ids { get; }

    public float[,,] Alpha { get; }

    public float[,,] Beta { get; }

    public Dictionary<int, int> VoxelCounts() => Ids.Cast<int>().Where(id => id != 0).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
}
