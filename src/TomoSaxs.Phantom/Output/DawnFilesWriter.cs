using TomoSaxs.Formats.Hdf5;

namespace TomoSaxs.Phantom;

/// <summary>
/// Writes the DAWN mask (entry/mask/mask, uint8, 1 = excluded) and calibration (entry1/instrument/detector/… in mm,
/// entry1/calibration_sample/beam/incident_wavelength in Å, with units attributes) that
/// <c>DawnMaskFile</c> and <c>DawnCalibrationFile</c> read.
/// </summary>
internal static class DawnFilesWriter
{
    public static void WriteMask(DetectorModel detector, string path, string fingerprint)
    {
        var values = new byte[detector.PixelCount];
        for (var p = 0; p < values.Length; p++)
        {
            values[p] = detector.Mask.IsExcluded(p) ? (byte)1 : (byte)0;
        }

        var root = new ArtefactGroup();
        var entry = root.Group("entry");
        entry.Attributes.Set("NX_class", "NXentry").Set("phantom_fingerprint", fingerprint);
        var mask = entry.Group("mask");
        mask.Attributes.Set("NX_class", "NXdata");
        mask.AddDataset("mask", values, [detector.Rows, detector.Columns],
            ArtefactStorage.Chunked([detector.Rows, detector.Columns], deflateLevel: 6, shuffle: false));
        Hdf5ArtefactWriter.Write(path, root);
    }

    public static void WriteCalibration(DetectorModel detector, string path, string fingerprint)
    {
        var calibration = detector.Calibration;
        var root = new ArtefactGroup();
        var entry = root.Group("entry1");
        entry.Attributes.Set("NX_class", "NXentry").Set("phantom_fingerprint", fingerprint);
        var detectorGroup = entry.Group("instrument").Group("detector");
        void Millimetres(string name, double value) => detectorGroup.AddScalar(name, value).Attributes.Set("units", "mm");
        Millimetres("distance", calibration.DistanceUm / 1000);
        Millimetres("beam_center_x", calibration.BeamCentreXPx * calibration.PixelXUm / 1000);
        Millimetres("beam_center_y", calibration.BeamCentreYPx * calibration.PixelYUm / 1000);
        Millimetres("x_pixel_size", calibration.PixelXUm / 1000);
        Millimetres("y_pixel_size", calibration.PixelYUm / 1000);
        entry.Group("calibration_sample").Group("beam").AddScalar("incident_wavelength", calibration.WavelengthNm * 10)
            .Attributes.Set("units", "Angstrom");
        Hdf5ArtefactWriter.Write(path, root);
    }
}
