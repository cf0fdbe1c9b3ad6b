namespace TomoSaxs.Formats.Tiff;

/// <summary>Widening conversions of integer volumes to 32-bit float (exact for 8- and 16-bit values).</summary>
internal static class PixelConversion
{
    public static float[,,] ToFloat(byte[,,] volume)
    {
        var result = new float[volume.GetLength(0), volume.GetLength(1), volume.GetLength(2)];
        for (var z = 0; z < volume.GetLength(0); z++)
        {
            for (var row = 0; row < volume.GetLength(1); row++)
            {
                for (var col = 0; col < volume.GetLength(2); col++)
                {
                    result[z, row, col] = volume[z, row, col];
                }
            }
        }

        return result;
    }

    public static float[,,] ToFloat(ushort[,,] volume)
    {
        var result = new float[volume.GetLength(0), volume.GetLength(1), volume.GetLength(2)];
        for (var z = 0; z < volume.GetLength(0); z++)
        {
            for (var row = 0; row < volume.GetLength(1); row++)
            {
                for (var col = 0; col < volume.GetLength(2); col++)
                {
                    result[z, row, col] = volume[z, row, col];
                }
            }
        }

        return result;
    }
}
