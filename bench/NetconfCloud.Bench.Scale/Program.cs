using Grpc.Core;
using Grpc.Net.Client;
using NetconfCloud.Bench.Scale;
using Proto = NetconfCloud.Contracts.Schedule.V1;

ScaleSettings settings;
try
{
    settings = ScaleSettings.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n{ScaleSettings.Usage}");
    return 2;
}

using var limit = new CancellationTokenSource(settings.TimeLimit);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    limit.Cancel();
};
using var channel = GrpcChannel.ForAddress(settings.Schedule);
using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
try
{
    var results = await new ScaleRun(settings, new Proto.ScheduleService.ScheduleServiceClient(channel), http, Console.Out).RunAsync(limit.Token);
    Report.Write(results, settings, Console.Out);
    foreach (var failure in results.Failures)
    {
        Console.Error.WriteLine($"error: {failure}");
    }

    return results.Failures.Count == 0 ? 0 : 1;
}
catch (Exception e) when (e is RpcException or HttpRequestException or OperationCanceledException or IOException)
{
    Console.Error.WriteLine(limit.IsCancellationRequested
        ? $"error: stopped after the time limit ({settings.TimeLimit.TotalMinutes:0} min): {e.Message}"
        : $"error: {e.Message}");
    return 1;
}
