using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using NetconfCloud.Contracts;
using NetconfCloud.Schedule;
using RpcStatus = Google.Rpc.Status;

namespace NetconfCloud.ScheduleService;

/// <summary>
/// The one place where domain errors become gRPC statuses, with <c>google.rpc</c> details (BadRequest field
/// violations, ResourceInfo, RetryInfo). Storage that does not answer is Unavailable with a short message, the
/// details in the log (the storage adapter logs them). Anything unexpected is logged and returned as Internal
/// without its text; in Development with its type and the first line of its message, bounded in length.
/// </summary>
internal sealed partial class AgendaErrorInterceptor(ILogger<AgendaErrorInterceptor> logger, IHostEnvironment environment) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw ToRpcException(ex, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw ToRpcException(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw ToRpcException(ex, context);
        }
    }

    private RpcException ToRpcException(Exception exception, ServerCallContext context)
    {
        var status = exception switch
        {
            InvalidArgumentException e => Status(Code.InvalidArgument, e.Message, new BadRequest
            {
                FieldViolations = { e.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }) },
            }),
            NotFoundException e => Status(Code.NotFound, e.Message, Resource(e.ResourceName)),
            AlreadyExistsException e => Status(Code.AlreadyExists, e.Message, Resource(e.ResourceName)),
            ConcurrencyConflictException { ETagWasSupplied: true } e => Status(Code.FailedPrecondition, e.Message, new PreconditionFailure
            {
                Violations = { new PreconditionFailure.Types.Violation { Type = "ETAG", Subject = e.ResourceName, Description = "The etag is stale." } },
            }),
            InUseException e => Status(Code.FailedPrecondition, e.Message, new PreconditionFailure
            {
                Violations = { e.Users.Select(user => new PreconditionFailure.Types.Violation { Type = "IN_USE", Subject = user, Description = $"{user} uses {e.ResourceName}." }) },
            }),
            PersonalAgendaRevokedException e => Status(Code.FailedPrecondition, e.Message, new ErrorInfo
            {
                Reason = ScheduleErrors.PersonalAgendaRevoked,
                Domain = ScheduleErrors.Domain,
            }),
            ConcurrencyConflictException e => Status(Code.Aborted, e.Message, Resource(e.ResourceName)),
            ResourceExhaustedException e => Status(Code.ResourceExhausted, e.Message),
            RateLimitedException e => Status(Code.ResourceExhausted, e.Message, new RetryInfo { RetryDelay = Duration.FromTimeSpan(e.RetryAfter) }),
            AgendaMovedException e => Status(Code.Aborted, e.Message, Resource($"conferences/{e.ConferenceId}")),
            StorageUnavailableException e => Status(Code.Unavailable, e.Message, new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) }),
            OperationCanceledException when context.CancellationToken.IsCancellationRequested => Status(Code.Cancelled, "The call was cancelled."),
            _ => null,
        };
        if (status is null)
        {
            LogUnexpected(exception, context.Method);
            status = Status(Code.Internal, environment.IsDevelopment() ? Summary(exception) : "An internal error occurred.");
        }

        return status.ToRpcException();
    }

    private static RpcStatus Status(Code code, string message, Google.Protobuf.IMessage? detail = null)
    {
        var status = new RpcStatus { Code = (int)code, Message = message };
        if (detail is not null)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status;
    }

    /// <summary>The longest message a status carries: it travels as a header, and Python's gRPC refuses headers over 8 KB.</summary>
    private const int MaxMessage = 512;

    /// <summary>For Development: the exception's type and the first line of its message, bounded; the rest is in the log.</summary>
    private static string Summary(Exception exception)
    {
        var message = exception.Message.Split('\n', 2)[0].TrimEnd();
        var summary = $"{exception.GetType().Name}: {message} (details in the service log)";
        return summary.Length <= MaxMessage ? summary : string.Concat(summary.AsSpan(0, MaxMessage - 1), "…");
    }

    private static ResourceInfo Resource(string name) => new() { ResourceName = name };

    [LoggerMessage(LogLevel.Error, "Unexpected failure in {Method}.")]
    private partial void LogUnexpected(Exception exception, string method);
}
