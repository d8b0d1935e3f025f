using System.Globalization;

namespace NetconfCloud.Bench.Scale;

/// <summary>What the bench runs against and how much it does; every address is on 127.0.0.1.</summary>
internal sealed record ScaleSettings(
    Uri Schedule,
    Uri Feeds,
    int ServicePid,
    int WorkerPid,
    int Small,
    int Large,
    int Writes,
    int WarmReads,
    TimeSpan TimeLimit)
{
    /// <summary>The conference the small and the large agenda are compared with for writes (30 sessions, seeded).</summary>
    public const string SeededConference = "netconf-2015";

    public const string Usage =
        "usage: NetconfCloud.Bench.Scale --schedule http://127.0.0.1:PORT --feeds http://127.0.0.1:PORT/api --service-pid PID --worker-pid PID "
        + "[--sizes 1000,10000] [--writes 10] [--warm-reads 5] [--time-limit-minutes 20]";

    public static ScaleSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"'{args[i]}' is not an option with a value.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
        int Number(string name, int fallback, int min) =>
            !values.TryGetValue(name, out var text) ? fallback
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min ? n
            : throw new ArgumentException($"--{name} must be a whole number of at least {min}.");

        var sizes = (values.GetValueOrDefault("sizes") ?? "1000,10000").Split(',');
        if (sizes.Length != 2 || !int.TryParse(sizes[0], CultureInfo.InvariantCulture, out var small) || !int.TryParse(sizes[1], CultureInfo.InvariantCulture, out var large)
            || small < 100 || large <= small)
        {
            throw new ArgumentException("--sizes must be two sizes, small then large, e.g. 1000,10000 (at least 100).");
        }

        return new ScaleSettings(
            Loopback(Required("schedule")),
            Loopback(Required("feeds").TrimEnd('/') + "/"),
            Number("service-pid", 0, 1),
            Number("worker-pid", 0, 1),
            small,
            large,
            Number("writes", 10, 1),
            Number("warm-reads", 5, 1),
            TimeSpan.FromMinutes(Number("time-limit-minutes", 20, 1)));
    }

    private static Uri Loopback(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.Host == "127.0.0.1"
            ? uri
            : throw new ArgumentException($"'{text}': the bench talks to http://127.0.0.1:PORT only.");
}
