using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

[CollectionDefinition(Name)]
public sealed class ScheduleCollection : ICollectionFixture<ScheduleFixture>
{
    public const string Name = "schedule service over Azurite";
}
