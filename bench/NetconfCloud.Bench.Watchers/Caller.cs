using Grpc.Core;
using Grpc.Net.Client;
using NetconfCloud.Cli;
using NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Bench.Watchers;

/// <summary>
/// One authenticated caller (its own development token, so its own <c>sub</c> and name) on a connection of its own,
/// as separate clients would be.
/// </summary>
internal sealed class Caller : IDisposable
{
    private readonly GrpcChannel channel;

    public Caller(Uri address, string name, bool canWrite)
    {
        Name = name;
        channel = GrpcChannel.ForAddress(address);
        Client = new ScheduleService.ScheduleServiceClient(channel);
        Headers = new Metadata { { "Authorization", $"Bearer {DevelopmentTokens.Mint(name, canWrite, TimeSpan.FromHours(2))}" } };
    }

    public string Name { get; }

    public ScheduleService.ScheduleServiceClient Client { get; }

    public Metadata Headers { get; }

    public void Dispose() => channel.Dispose();
}
