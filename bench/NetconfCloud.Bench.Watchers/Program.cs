using NetconfCloud.Bench.Watchers;

return await BenchCommand.RunAsync(args);
