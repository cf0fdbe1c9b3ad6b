using PureHDF.VOL.Native;

namespace TomoSaxs.Formats.Hdf5;

/// <summary>
/// A writing chunk cache for streamed datasets that hands each chunk to PureHDF's chunk writer (filters and all)
/// as soon as the slab that filled it has been written, instead of keeping every chunk of the dataset in memory
/// until the file is closed as PureHDF's default writing cache does. Slabs cover whole chunks (checked by the
/// writer), so a chunk is complete when its slab is; a chunk written twice is refused.
/// </summary>
internal sealed class StreamingChunkCache(long totalChunks) : IWritingChunkCache
{
    private readonly Dictionary<ulong, (Memory<byte> Chunk, Action<ulong, Memory<byte>> Writer)> pending = [];
    private readonly HashSet<ulong> written = [];

    /// <summary>How many chunks have been handed to the chunk writer.</summary>
    public long WrittenChunks => written.Count;

    /// <summary>How many chunks the dataset has.</summary>
    public long TotalChunks => totalChunks;

    public Memory<byte> GetChunk(ulong chunkIndex, Func<Memory<byte>> chunkAllocator, Action<ulong, Memory<byte>> chunkWriter)
    {
        if (pending.TryGetValue(chunkIndex, out var entry))
        {
            return entry.Chunk;
        }

        if (written.Contains(chunkIndex))
        {
            throw new InvalidOperationException($"Chunk {chunkIndex} has already been written; each chunk of a streamed dataset is written once.");
        }

        var chunk = chunkAllocator();
        pending[chunkIndex] = (chunk, chunkWriter);
        return chunk;
    }

    /// <summary>Writes out the chunks filled by the slab just written.</summary>
    public void WriteCompletedChunks() => Flush(null);

    public void Flush(Action<ulong, Memory<byte>>? chunkWriter = null)
    {
        foreach (var (index, entry) in pending)
        {
            (chunkWriter ?? entry.Writer)(index, entry.Chunk);
            written.Add(index);
        }

        pending.Clear();
    }
}
