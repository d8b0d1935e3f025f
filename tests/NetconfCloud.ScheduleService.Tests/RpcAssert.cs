using Google.Rpc;
using Grpc.Core;

namespace NetconfCloud.ScheduleService.Tests;

internal static class RpcAssert
{
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        return error;
    }

    /// <summary>Asserts InvalidArgument with a google.rpc.BadRequest naming <paramref name="field"/>.</summary>
    public static async Task InvalidField(string field, Func<Task> call)
    {
        var error = await FailsWith(StatusCode.InvalidArgument, call);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(badRequest.FieldViolations, v => v.Field == field);
    }
}
