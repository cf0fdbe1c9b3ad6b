using System.Runtime.CompilerServices;

// The codec unit tests drive the hand-written decoders directly with synthetic buffers (odd block sizes,
// malformed headers) that no real file in the test data contains.
[assembly: InternalsVisibleTo("TomoSaxs.Formats.Tests")]
