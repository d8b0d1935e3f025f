using NetconfCloud.Testing;

namespace NetconfCloud.Cli.Tests;

[CollectionDefinition(Name)]
public sealed class CliCollection : ICollectionFixture<ScheduleFixture>
{
    public const string Name = "netconf against the schedule service over Azurite";
}
