using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace NetconfCloud.FunctionsHost.Tests;

public class FunctionDescriptorTests
{
    private static FunctionDescriptor From(params string[] rawBindings)
    {
        var metadata = new RpcFunctionMetadata { Name = "Probe", FunctionId = "id-1" };
        metadata.RawBindings.Add(rawBindings);
        return FunctionDescriptor.From(metadata);
    }

    [Fact]
    public void AnHttpTriggerGivesItsRouteMethodsAndBindingName()
    {
        var function = From("""{"name":"request","direction":"In","type":"httpTrigger","authLevel":"Anonymous","methods":["get","head"],"route":"{conference}/days/{day}.ics"}""",
            """{"name":"$return","type":"http","direction":"Out"}""");

        Assert.True(function.IsHttp);
        Assert.Equal(["GET", "HEAD"], function.Methods);
        Assert.Equal("request", function.TriggerBindingName);
        Assert.Equal("api/{conference}/days/{day}.ics", function.RoutePattern("api"));
    }

    [Fact]
    public void AnHttpTriggerWithoutRouteIsServedAtTheFunctionName() =>
        Assert.Equal("api/Probe", From("""{"name":"req","type":"httpTrigger","direction":"In"}""").RoutePattern("api"));

    [Fact]
    public void AnEmptyRoutePrefixLeavesTheRouteAlone() =>
        Assert.Equal("items/{id:int}", From("""{"name":"req","type":"httpTrigger","direction":"In","route":"items/{id:int}"}""").RoutePattern(""));

    [Fact]
    public void ATimerTriggerIsNotHttp()
    {
        var function = From("""{"name":"timer","type":"timerTrigger","direction":"In","schedule":"0 */5 * * * *"}""");

        Assert.False(function.IsHttp);
        Assert.Equal("timerTrigger", function.TriggerType);
    }
}
