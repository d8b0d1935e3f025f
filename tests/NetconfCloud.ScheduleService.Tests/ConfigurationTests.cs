using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using NetconfCloud.Schedule.Storage;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>Settings in the shapes infra/ sets are accepted; a wrong setting stops the service at start, saying which.</summary>
[Collection(StartUpCollection.Name)]
public class ConfigurationTests(ScheduleFixture fixture)
{
    [Fact]
    public void StorageByEndpointAndManagedIdentityAsBicepSetsItIsValid()
    {
        var options = new AgendaStorageOptions { TableServiceUri = new Uri("https://stexample.table.core.windows.net/"), ManagedIdentityClientId = "00000000-0000-0000-0000-000000000001" };
        var results = new List<ValidationResult>();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true), string.Join("; ", results));
    }

    [Fact]
    public async Task BothAConnectionStringAndAnEndpointStopTheServiceAtStart()
    {
        await using var server = new ScheduleServer(fixture.Azurite.ConnectionString, "AgendaConfig", new Dictionary<string, string?> { ["Storage:TableServiceUri"] = "https://stexample.table.core.windows.net/" });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => server.Services);

        Assert.Contains("exactly one of Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopmentWritersNeedAnAuthorityOrAKeyOfTheirOwn()
    {
        await using var server = new ScheduleServer(fixture.Azurite.ConnectionString, "AgendaConfig", environment: "Production");

        var error = Assert.ThrowsAny<OptionsValidationException>(() => server.Services);

        Assert.Contains("Auth:Authority", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task OutsideDevelopmentThePublishedDevelopmentKeyStopsTheServiceAtStartNamingTheSetting(string environment)
    {
        var settings = new Dictionary<string, string?> { ["Auth:SigningKey"] = Contracts.ScheduleAuthorization.DevelopmentSigningKey };
        await using var server = new ScheduleServer(fixture.Azurite.ConnectionString, "AgendaConfig", settings, environment: environment);

        var error = Assert.ThrowsAny<OptionsValidationException>(() => server.Services);

        Assert.Contains("Auth:SigningKey (Auth__SigningKey) is the development key published in the repository", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopmentAKeyOfOnesOwnIsAccepted()
    {
        var settings = new Dictionary<string, string?> { ["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) };
        await using var server = new ScheduleServer(fixture.Azurite.ConnectionString, "AgendaConfig", settings, environment: "Production");

        Assert.NotNull(server.Services);
    }
}
