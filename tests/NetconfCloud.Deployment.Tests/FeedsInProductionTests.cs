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

    [Fact]
    public async Task AnAttendeeGetsThePageAndAPersonalCalendarFromTheScheduleServicesTable()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.FeedsAddress, Timeout = TimeSpan.FromSeconds(30) };

        using var page = await http.GetAsync("/api/netconf-2015");
        using var created = await http.PostAsync("/api/netconf-2015/my", new FormUrlEncodedContent([new("session", "bpf-updates"), new("session", "rhashtable")]));
        using var calendar = await http.GetAsync(new Uri($"{created.Headers.Location}/calendar.ics"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        var text = await calendar.Content.ReadAsStringAsync();
        Assert.Equal(2, text.Split("BEGIN:VEVENT").Length - 1);
    }
}
