using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.Cli.Tests;

/// <summary>netconf sponsors, sponsors add, edit, move and remove.</summary>
[Collection(CliCollection.Name)]
public class SponsorCommandTests(ScheduleFixture fixture)
{
    [Fact]
    public async Task SponsorsAreListedInPublishedOrderWithTheirPositions()
    {
        var run = await Netconf.RunAsync(fixture.Server, "sponsors");

        Assert.Equal(0, run.Exit);
        Assert.Equal(
            ["0 mojatatu-networks Mojatatu Networks", "1 cumulus-networks Cumulus Networks", "2 verizon Verizon", "3 noiro-networks Noiro Networks, a Cisco Project"],
            run.Rows);
    }

    [Fact]
    public async Task SponsorsWithTiersAreGroupedByTierInPublishedOrder()
    {
        await using var server = await fixture.StartServerAsync();
        await Netconf.WriteAsync(server, "sponsors", "edit", "verizon", "--tier", "Gold");
        await Netconf.WriteAsync(server, "sponsors", "edit", "mojatatu-networks", "--tier", "Gold");
        await Netconf.WriteAsync(server, "sponsors", "edit", "cumulus-networks", "--tier", "Silver");

        var run = await Netconf.RunAsync(server, "sponsors");

        Assert.Equal(
            ["Gold", "0 mojatatu-networks Mojatatu Networks", "2 verizon Verizon", "Silver", "1 cumulus-networks Cumulus Networks", "(no tier)", "3 noiro-networks Noiro Networks, a Cisco Project"],
            run.Rows);
    }

    [Fact]
    public async Task AnAddedSponsorGoesWhereItIsPut()
    {
        await using var server = await fixture.StartServerAsync();

        var added = await Netconf.WriteAsync(server, "sponsors", "add", "Acme Networks", "--tier", "Platinum", "--url", "https://acme.example.org", "--position", "1");

        var listing = await server.Client.ListSponsorsAsync(new ListSponsorsRequest { ConferenceId = "netconf-2015" });
        Assert.Equal(0, added.Exit);
        Assert.Equal("1 acme-networks Acme Networks [Platinum] https://acme.example.org", Assert.Single(added.Rows));
        Assert.Equal(["mojatatu-networks", "acme-networks", "cumulus-networks", "verizon", "noiro-networks"], listing.Sponsors.Select(s => s.Id));
    }

    [Fact]
    public async Task SponsorEditChangesOnlyTheFieldsGiven()
    {
        await using var server = await fixture.StartServerAsync();

        var edited = await Netconf.WriteAsync(server, "sponsors", "edit", "noiro-networks", "--url", "https://noironetworks.example");

        Assert.Equal(0, edited.Exit);
        Assert.Equal("3 noiro-networks Noiro Networks, a Cisco Project https://noironetworks.example", Assert.Single(edited.Rows));
    }

    [Fact]
    public async Task MovingASponsorClosesUpTheOthers()
    {
        await using var server = await fixture.StartServerAsync();

        var moved = await Netconf.WriteAsync(server, "sponsors", "move", "noiro-networks", "0");
        var listed = await Netconf.RunAsync(server, "sponsors");

        Assert.Equal(0, moved.Exit);
        Assert.Equal(
            ["0 noiro-networks Noiro Networks, a Cisco Project", "1 mojatatu-networks Mojatatu Networks", "2 cumulus-networks Cumulus Networks", "3 verizon Verizon"],
            listed.Rows);
    }

    [Fact]
    public async Task MovingASponsorPastTheEndIsRefused()
    {
        await using var server = await fixture.StartServerAsync();

        var refused = await Netconf.WriteAsync(server, "sponsors", "move", "verizon", "9");

        Assert.Equal(NetconfCommand.Refused, refused.Exit);
        Assert.Contains("position: must be between 0 and 3", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARemovedSponsorLeavesTheListingAndTheOthersCloseUp()
    {
        await using var server = await fixture.StartServerAsync();

        var removed = await Netconf.WriteAsync(server, "sponsors", "remove", "cumulus-networks");
        var listed = await Netconf.RunAsync(server, "sponsors");

        Assert.Equal(0, removed.Exit);
        Assert.Equal(["0 mojatatu-networks Mojatatu Networks", "1 verizon Verizon", "2 noiro-networks Noiro Networks, a Cisco Project"], listed.Rows);
    }
}
