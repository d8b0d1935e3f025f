using System.Text;

namespace NetconfCloud.Bench.Scale;

/// <summary>The words synthetic agendas are made of: names, tracks, titles and abstracts that read like a real schedule.</summary>
internal static class Words
{
    public static readonly string[] FirstNames =
    [
        "Anna", "Bram", "Chloé", "Daan", "Elif", "Femke", "Goran", "Hana", "Ines", "Jonas", "Karin", "Lars", "Maya", "Niels",
        "Olga", "Pieter", "Quentin", "Rosa", "Sven", "Tamar", "Ugo", "Vera", "Wout", "Xenia", "Yannick", "Zofia", "Amir",
        "Berit", "Carlos", "Dita", "Emil", "Freya", "Gustav", "Hélène", "Ivan", "Jana", "Kofi", "Lotte", "Marek", "Nora",
        "Oskar", "Paula", "Rafael", "Saskia", "Tomás", "Ulla", "Viktor", "Wen", "Yusuf", "Zara",
    ];

    public static readonly string[] LastNames =
    [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois",
        "Lambert", "Dupont", "Martin", "Leclercq", "Novak", "Horvat", "Kowalski", "Nowak", "Schmidt", "Müller", "Fischer",
        "Weber", "Rossi", "Russo", "Ferrari", "García", "Fernández", "López", "Silva", "Santos", "Andersen", "Nielsen",
        "Hansen", "Johansson", "Lindqvist", "Virtanen", "Korhonen", "O'Brien", "Murphy", "Kelly", "Walsh", "Yilmaz",
        "Kaya", "Demir", "Tanaka", "Suzuki", "Kim", "Park", "Nguyen",
    ];

    public static readonly string[] Tracks =
    [
        "Kernel", "Networking", "Databases", "Security", "Containers", "Embedded", "Rust", "Go", "Python", "JavaScript",
        "Web Performance", "Observability", "Distributions", "Graphics", "Audio and Video", "Open Hardware", "Legal and Policy",
        "Community", "Testing", "Compilers", "Mobile", "Geospatial", "Accessibility", "Documentation",
    ];

    public static readonly string[] Colours =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    public static readonly string[] Topics =
    [
        "packet scheduling", "memory safety", "supply-chain security", "reproducible builds", "live patching", "tracing",
        "zero-copy I/O", "query planning", "schema migrations", "service meshes", "rootless containers", "boot time",
        "firmware updates", "test flakiness", "accessibility audits", "translation workflows", "code review", "release engineering",
        "garbage collection", "incremental compilation", "time zones", "vector search", "offline-first apps", "map rendering",
        "power management", "bufferbloat", "TLS termination", "package signing", "SBOMs", "fuzzing",
    ];

    public static readonly string[] Technologies =
    [
        "Linux", "eBPF", "PostgreSQL", "SQLite", "Rust", "Go", "Python", "Kubernetes", "Podman", "Wayland", "PipeWire",
        "GStreamer", "LLVM", "GCC", "Nix", "Debian", "Fedora", "OpenStreetMap", "RISC-V", "Zephyr", "WebAssembly", "QEMU",
        "systemd", "OpenSSL", "Matrix", "Firefox", "LibreOffice", "GNOME", "KDE Plasma", "Grafana",
    ];

    public static readonly string[] Organisations =
    [
        "a small consultancy", "a public broadcaster", "a university lab", "a hosting company", "a railway operator",
        "a city council", "a non-profit foundation", "a hardware start-up", "a research institute", "a bank",
    ];

    public static readonly string[] Languages = ["en", "en", "en", "en", "en", "en", "de", "fr", "nl", "es"];

    public static readonly string[] Sponsors =
    [
        "Acme Hosting", "Brussels Bytes", "Canal Compute", "Delta Databases", "Eastside Embedded", "Fjord Firmware",
        "Grand Place Graphics", "Harbour Hardware", "Iris Identity", "Jette Journals",
    ];

    private static readonly string[] TitleShapes =
    [
        "{0} in {1}: what we learned",
        "What's new in {1} for {0}",
        "Taming {0} with {1}",
        "{1} and {0}, five years on",
        "A practical guide to {0} on {1}",
        "Why {0} is harder than it looks in {1}",
        "{0} at scale with {1}",
        "From zero to {0}: a {1} story",
    ];

    private static readonly string[] Sentences =
    [
        "This talk looks at {0} in {1} from the point of view of the people who maintain it.",
        "We start with the problem as users meet it, then walk through the design choices that made it hard.",
        "Over the last year we rewrote a large part of our {1} stack to handle {0} properly.",
        "You will see measurements from production systems, including the ones that surprised us.",
        "We compare three approaches to {0} and explain why we chose the least obvious one.",
        "The second half is a live demonstration on ordinary hardware.",
        "No prior knowledge of {1} internals is needed, but some familiarity with the command line helps.",
        "We also cover the mistakes we made along the way, so that you do not have to make them again.",
        "Finally, we discuss what the {1} community could do next, and how to get involved.",
        "Bring your questions: the last ten minutes are kept for discussion.",
        "The work described here is available under a free licence and has been merged upstream.",
        "We explain how {0} interacts with the rest of the system, and where the sharp edges are.",
    ];

    public static string Pick(string[] words, Random random) => words[random.Next(words.Length)];

    public static string Title(string topic, string technology, Random random)
    {
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(TitleShapes, random), topic, technology);
        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    /// <summary>Sentences about the topic until the abstract is a few hundred characters long (300–700).</summary>
    public static string Abstract(string topic, string technology, Random random)
    {
        var text = new StringBuilder();
        var target = 300 + random.Next(400);
        var first = random.Next(Sentences.Length);
        for (var i = 0; text.Length < target && i < Sentences.Length; i++)
        {
            if (text.Length > 0)
            {
                text.Append(i % 4 == 3 ? "\n\n" : " ");
            }

            text.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, Sentences[(first + i) % Sentences.Length], topic, technology);
        }

        return text.ToString();
    }
}
