using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using NetconfCloud.FunctionsHost;
using NetconfCloud.Schedule.Import;
using NetconfCloud.Schedule.Wire;
using NetconfCloud.Testing;

namespace NetconfCloud.Browser.Tests;

/// <summary>
/// The whole system as an attendee meets it: Azurite, the schedule service (a table of its own, so tests may change
/// the agenda), the real Functions worker under our local host on a port of its own, its public address that same
/// port (so that every link on the page leads back to it), and headless Chromium (Debian's <c>chromium</c>, or
/// <c>CHROMIUM_PATH</c>) driven by Playwright for .NET.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly ScheduleFixture schedule = new();
    private WebApplication? host;
    private IPlaywright? playwright;

    public ScheduleServer Server { get; private set; } = null!;

    /// <summary>Where the feeds and pages are served, with the route prefix: http://127.0.0.1:PORT/api.</summary>
    public Uri ApiBase { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Screenshots kept from the run, under the test output: bin/{configuration}/net10.0/artifacts.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        await schedule.InitializeAsync();
        Server = await schedule.StartServerAsync();
        var port = FreePort.Next();
        ApiBase = new Uri($"http://127.0.0.1:{port}/api");
        host = LocalFunctionsHost.Build([], builder =>
        {
            builder.Configuration["FunctionsHost:AppDirectory"] = FeedFunctionsDirectory;
            builder.Configuration["FunctionsHost:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.Configuration["FunctionsHost:StartTimeoutSeconds"] = "60";
            builder.Configuration["FunctionsHost:Settings:ScheduleService__Address"] = Server.Address.ToString();
            builder.Configuration["FunctionsHost:Settings:ScheduleService__RevalidateMilliseconds"] = "0";
            builder.Configuration["FunctionsHost:Settings:Feeds__PublicBaseUrl"] = ApiBase.ToString();
            builder.Configuration["FunctionsHost:Settings:AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await host.StartAsync();
        await LocalFunctionsHost.WhenReady(host).WaitAsync(TimeSpan.FromSeconds(90));

        // Big real conferences beside the seed, imported as organisers do: FOSDEM 2026 (883 events, 30 rooms) and 38C3.
        foreach (var (id, file) in new[] { ("fosdem-2026", "fosdem-2026.xml"), ("38c3", "38c3-hub.xml") })
        {
            var read = ScheduleReader.Read(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Schedules", file)));
            var (incoming, _) = ScheduleMapping.ToIncoming(read.Document!, id, file);
            if (!(await Server.WriterClient.ImportAgendaAsync(id, incoming, new Schedule.ImportOptions())).Applied)
            {
                throw new InvalidOperationException($"{file} did not import.");
            }
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: install Debian's package (apt-get install chromium; ./test does) or set CHROMIUM_PATH.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No sandbox when run as root (CI); no background connections: this machine reaches nothing outside.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public string Url(string path) => $"{ApiBase.ToString().TrimEnd('/')}/{path.TrimStart('/')}";

    /// <summary>As an attendee does: opens the conference page, ticks the talks, presses "Make my calendar" and waits for the new agenda's page.</summary>
    public async Task MakeAgendaAsync(IPage page, string conference, params string[] talks)
    {
        await page.GotoAsync(Url(conference));
        foreach (var talk in talks)
        {
            await page.CheckAsync($"#pick-{talk}");
        }

        await page.Locator("#my-agenda button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/{conference}/my/", StringComparison.Ordinal));
    }

    /// <summary>A fresh browser context (its own storage) and page, recording every console error, page error and failed request.</summary>
    /// <param name="locale">The browser's language (its Accept-Language and navigator.language), e.g. "de-DE"; Playwright's default (en-US) when null.</param>
    public async Task<BrowserPage> OpenAsync(bool javaScript = true, ViewportSize? viewport = null, string? locale = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            Locale = locale,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            // Only so that a test can add an independent checker (axe-core, jsQR) to our page; the page itself never needs it.
            BypassCSP = true,
        });
        return await BrowserPage.OpenAsync(context);
    }

    private static string FeedFunctionsDirectory
    {
        get
        {
            var configuration = typeof(BrowserFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            return Repository.PathOf("src", "NetconfCloud.FeedFunctions", "bin", configuration, "net10.0");
        }
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }

        await schedule.DisposeAsync();
    }
}

/// <summary>A page in its own context, with what went wrong in it.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext context;

    private BrowserPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Problems.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => Problems.Add($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Problems.Add($"{response.Status}: {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The page's own context (its storage, its network conditions).</summary>
    public IBrowserContext Context => context;

    /// <summary>Console errors, uncaught exceptions, failed requests and error answers seen so far.</summary>
    public List<string> Problems { get; } = [];

    public static async Task<BrowserPage> OpenAsync(IBrowserContext context) => new(context, await context.NewPageAsync());

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "the attendee pages in Chromium";
}
