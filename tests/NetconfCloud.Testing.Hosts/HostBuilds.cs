namespace NetconfCloud.Testing;

/// <summary>
/// One host built at a time in a test process. The test server factory finds the host that the service's Program
/// builds by listening to every host built in the process (the "Microsoft.Extensions.Hosting" diagnostic events), so
/// a host that another test builds at the same moment can be taken for the service's: the server then runs a host it
/// did not configure, and the other test holds a host already disposed. Every host a test builds goes through here.
/// </summary>
public static class HostBuilds
{
    private static readonly Lock Gate = new();

    public static T One<T>(Func<T> build)
    {
        lock (Gate)
        {
            return build();
        }
    }
}
