using BenchmarkDotNet.Running;

// Every benchmark of this assembly; pick with --filter, e.g. --filter '*FeedRendering*' --job short.
BenchmarkSwitcher.FromAssembly(typeof(NetconfCloud.Benchmarks.SyntheticAgenda).Assembly).Run(args);
