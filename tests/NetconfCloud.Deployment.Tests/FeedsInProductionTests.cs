using System.Net;

namespace NetconfCloud.Deployment.Tests;

/// <summary>The published feeds app under our local Functions host, with the app settings infra gives it.</summary>
[Collection(ProductionCollection.Name)]
public class FeedsInProductionTests(ProductionFixture fixture)
{
    [Fact]
    public async Task ADayFeedIsServedFromTheScheduleService()
    {
        using var http = new HttpClient { BaseAddress = fixture.FeedsAddress, Timeout = TimeSpan.FromSeconds(30) };

        using var response = await http.GetAsync("/api/netconf-2015/days/2015-02-12.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
