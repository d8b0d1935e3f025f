using System.Globalization;
using BenchmarkDotNet.Running;
using NetconfCloud.Benchmarks;

// Every benchmark of this assembly; pick with --filter, e.g. --filter '*FeedRendering*' --job short.
// "interleaved [sessions] [rounds]" runs the cross-check of InterleavedCheck instead.
if (args is ["interleaved", .. var rest])
{
    InterleavedCheck.Run(
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 10_000,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 25);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SyntheticAgenda).Assembly).Run(args);
