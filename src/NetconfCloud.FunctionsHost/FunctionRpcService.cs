using Grpc.Core;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace NetconfCloud.FunctionsHost;

/// <summary>The FunctionRpc service the worker connects to (the address given to it as --functions-uri).</summary>
internal sealed class FunctionRpcService(WorkerChannels channels) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        channels.Current.RunAsync(requestStream, responseStream, context.CancellationToken);
}
