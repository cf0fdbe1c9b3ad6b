namespace TomoSaxs.Phantom;

/// <summary>
/// Computes a sequence of frames in parallel and hands them to a single writer in order, computing the next batch
/// while the current one is written (the writer compresses, so it is a bottleneck of its own). Frame buffers are
/// reused from batch to batch, keeping memory at two batches of frames however long the sequence.
/// </summary>
internal static class FrameBatches
{
    /// <typeparam name="T">The pixel type (int32 counts, or float32 for <c>phantom.float_frames</c>).</typeparam>
    /// <param name="count">Number of frames.</param>
    /// <param name="pixels">Pixels per frame.</param>
    /// <param name="options">Thread count.</param>
    /// <param name="compute">Fills frame <c>index</c> into the buffer (with a scratch buffer of expected counts); returns its sum. Runs in parallel.</param>
    /// <param name="write">Writes frame <c>index</c>; called in index order on one thread.</param>
    public static void Run<T>(int count, int pixels, PhantomRunOptions options, Func<int, T[], double[], double> compute, Action<int, T[], double> write)
        where T : struct
    {
        var batch = Math.Max(1, options.Threads);
        var buffers = new (T[] Frame, double[] Scratch)[2 * batch];
        for (var k = 0; k < buffers.Length; k++)
        {
            buffers[k] = (new T[pixels], new double[pixels]);
        }

        var sums = new double[2 * batch];
        Task Compute(int start, int slot) => Task.Run(() => Parallel.For(0, Math.Min(batch, count - start), options.Parallel, k =>
        {
            var (frame, scratch) = buffers[slot * batch + k];
            sums[slot * batch + k] = compute(start + k, frame, scratch);
        }));

        if (count == 0)
        {
            return;
        }

        var pending = Compute(0, 0);
        for (int start = 0, slot = 0; start < count; start += batch, slot = 1 - slot)
        {
            pending.GetAwaiter().GetResult();
            var next = start + batch < count ? Compute(start + batch, 1 - slot) : Task.CompletedTask;
            for (var k = 0; k < Math.Min(batch, count - start); k++)
            {
                write(start + k, buffers[slot * batch + k].Frame, sums[slot * batch + k]);
            }

            pending = next;
        }

        pending.GetAwaiter().GetResult();
    }
}
