using TomoSaxs.Benchmarks;

// Usage: tomosaxs-bench integration OUT_DIR [FRAMES]
// Writes the benchmark frame, mask and geometry into OUT_DIR (for the comparison tools) and prints one JSON object.
if (args.Length < 2 || args[0] != "integration")
{
    Console.Error.WriteLine("usage: tomosaxs-bench integration OUT_DIR [FRAMES]");
    return 2;
}

var frames = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200;
Console.WriteLine(IntegrationBenchmark.Run(args[1], frames));
return 0;
