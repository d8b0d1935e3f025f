using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

[CollectionDefinition(Name)]
public sealed class ScheduleCollection : ICollectionFixture<ScheduleFixture>
{
    public const string Name = "schedule service over Azurite";
}

/// <summary>
/// Tests that start a service meant to stop at start (a wrong setting), run with nothing else beside them: a host
/// that fails to start under the test server factory has been seen to fail differently while other tests start and
/// stop servers in parallel on a loaded machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StartUpCollection : ICollectionFixture<ScheduleFixture>
{
    public const string Name = "schedule service started alone";
}
