using System.Collections.Concurrent;
using System.Diagnostics;

namespace NetconfCloud.FeedFunctions.Tests;

/// <summary>A request to a feed can be followed, in one trace, into the gRPC call it makes and the table read behind it.</summary>
[Collection(FeedsCollection.Name)]
public class TracingTests(FeedsFixture fixture)
{
    [Fact]
    public async Task AFeedRequestsTraceReachesTheScheduleServiceAndItsTableQuery()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("NetconfCloud.Tests");

        ActivityTraceId trace;
        using (var request = source.StartActivity("GET day feed", ActivityKind.Server)!)
        {
            trace = request.TraceId;
            await fixture.App.SendAsync((f, r) => f.DayCalendar(r, "netconf-2015", "2015-02-12"), "/api/netconf-2015/days/2015-02-12.ics");
        }

        var spans = stopped.Where(a => a.TraceId == trace).ToArray();
        var grpcCall = Assert.Single(spans, a => a.OperationName == "Grpc.Net.Client.GrpcOut" && Equals(a.GetTagItem("grpc.method"), "/netconf.schedule.v1.ScheduleService/ReadAgenda"));
        var http = Assert.Single(spans, a => a.ParentSpanId == grpcCall.SpanId);
        var served = Assert.Single(spans, a => a.OperationName == "Microsoft.AspNetCore.Hosting.HttpRequestIn" && a.ParentSpanId == http.SpanId);
        Assert.Contains(spans, a => a.Source.Name.StartsWith("Azure.Data.Tables", StringComparison.Ordinal)
            && a.StartTimeUtc >= served.StartTimeUtc && a.StartTimeUtc + a.Duration <= served.StartTimeUtc + served.Duration);
    }
}
