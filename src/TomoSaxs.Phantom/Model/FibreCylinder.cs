namespace TomoSaxs.Phantom;

/// <summary>A fibre's cylinder prepared for many point-in-cylinder tests (axis and start evaluated once).</summary>
internal readonly struct FibreCylinder
{
    private readonly double ax, ah, az, sx, sh, sz, length, radius2;

    public FibreCylinder(FibreSegment fibre)
    {
        (ax, ah, az) = fibre.Axis;
        (sx, sh, sz) = fibre.Start;
        length = fibre.LengthUm;
        radius2 = fibre.RadiusUm * fibre.RadiusUm;
    }

    /// <summary>Whether sample point (x, h, z) (µm) lies inside the cylinder: within the radius of the axis segment, between its end faces (surfaces included).</summary>
    public bool Contains(double x, double h, double z)
    {
        var (dx, dh, dz) = (x - sx, h - sh, z - sz);
        var t = dx * ax + dh * ah + dz * az;
        if (t < 0 || t > length)
        {
            return false;
        }

        var (px, ph, pz) = (dx - t * ax, dh - t * ah, dz - t * az);
        return px * px + ph * ph + pz * pz <= radius2;
    }
}
