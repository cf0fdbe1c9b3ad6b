using PureHDF.VOL.Native;

namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// A per-read chunk cache sized to hold every chunk the selection touches, which also counts chunk loads.
/// PureHDF's default cache keeps nothing larger than 1 MB, so a Pilatus frame chunk (about 10 MB) would be
/// decoded again whenever a selection revisits it.
/// </summary>
internal sealed class CountingChunkCache(int chunkSlots, ulong byteCapacity, Hdf5ReadStatistics? statistics) : IReadingChunkCache
{
    private readonly SimpleReadingChunkCache inner = new(chunkSlots, byteCapacity);

    public Memory<byte> GetChunk(ulong chunkIndex, Func<Memory<byte>> chunkReader) =>
        inner.GetChunk(chunkIndex, () =>
        {
            statistics?.CountChunk();
            return chunkReader();
        });
}
