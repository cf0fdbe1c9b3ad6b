using TomoSaxs.Benchmarks;

// Usage: tomosaxs-bench integration OUT_DIR [FRAMES]
//        tomosaxs-bench correct SCAN_YAML TRUTH_DIR SLICE correct|io q_box_half|q_box|full OUTPUT THREADS
// Writes the benchmark frame, mask and geometry into OUT_DIR (for the comparison tools) and prints one JSON object.
if (args.Length == 8 && args[0] == "correct")
{
    var invariant = System.Globalization.CultureInfo.InvariantCulture;
    Console.WriteLine(CorrectBenchmark.Run(args[1], args[2], int.Parse(args[3], invariant), args[4], args[5], args[6], int.Parse(args[7], invariant)));
    return 0;
}

if (args.Length < 2 || args[0] != "integration")
{
    Console.Error.WriteLine("usage: tomosaxs-bench integration OUT_DIR [FRAMES] | correct SCAN_YAML TRUTH_DIR SLICE correct|io STORE OUTPUT THREADS");
    return 2;
}

var frames = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200;
Console.WriteLine(IntegrationBenchmark.Run(args[1], frames));
return 0;
