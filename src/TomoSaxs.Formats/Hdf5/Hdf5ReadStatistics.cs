namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// Counts the work behind chunked reads: pass one to a read to learn how many chunks were fetched and decoded,
/// e.g. to check that a frame read touches only that frame's chunk. Safe to share between threads.
/// </summary>
public sealed class Hdf5ReadStatistics
{
    private long chunksDecoded;

    /// <summary>Chunks read from the file and run through the filter pipeline so far.</summary>
    public long ChunksDecoded => Interlocked.Read(ref chunksDecoded);

    internal void CountChunk() => Interlocked.Increment(ref chunksDecoded);
}
