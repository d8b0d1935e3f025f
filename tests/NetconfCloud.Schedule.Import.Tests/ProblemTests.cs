using System.Text;

namespace NetconfCloud.Schedule.Import.Tests;

/// <summary>The readers never throw for bad data; they say what is wrong and where.</summary>
public class ProblemTests
{
    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <schedule>
          <conference><title>T</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
          <day index="1" date="2024-12-27">
            <room name="Saal 1" guid="ba692ba3-421b-5371-8309-60acc34a3c05">
        """;

    private const string Tail = """
            </room>
          </day>
        </schedule>
        """;

    private static string Event(string guid, string title, string date = "2024-12-27T10:00:00+01:00", string duration = "00:30") => $"""
              <event guid="{guid}" id="{guid[..4]}"><date>{date}</date><start>10:00</start><duration>{duration}</duration><room>Saal 1</room><title>{title}</title></event>
        """;

    [Fact]
    public void MalformedXmlIsOneErrorWithLineAndColumn()
    {
        var result = TestSchedules.ReadText("<schedule>\n  <conference>\n    <title>T</titel>\n</schedule>");

        var error = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Error, error.Severity);
        Assert.Equal(SourceLocation.At(3, 15), error.Location);
        Assert.Null(result.Document);
    }

    [Fact]
    public void MalformedJsonIsOneErrorWithLineAndColumn()
    {
        var result = TestSchedules.ReadText("{\"schedule\": {\n  \"version\": \"1\",\n  \"conference\": {\"title\": \"T\",,}\n}}");

        var error = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Error, error.Severity);
        Assert.Equal(SourceLocation.At(3, 31), error.Location);
    }

    [Fact]
    public void ADocumentTypeDeclarationIsRefused()
    {
        var result = TestSchedules.ReadText("<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<schedule>&x;</schedule>");

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Location!.Line);
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonNestedDeeperThanTheLimitIsRefused()
    {
        var json = "{\"schedule\": " + new string('[', 100) + new string(']', 100) + "}";

        var error = Assert.Single(TestSchedules.ReadText(json).Errors);

        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AFileOverTheSizeLimitIsRefusedBeforeItIsRead()
    {
        using var stream = File.OpenRead(TestSchedules.PathOf("fosdem-2026.xml"));

        var result = ScheduleReader.Read(stream, null, new ScheduleReadOptions { MaxBytes = 1_000_000 });

        var error = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Error, error.Severity);
        Assert.Contains("2,765,082 bytes; the limit is 1,000,000", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Position);
        Assert.Null(result.Document);
    }

    [Fact]
    public void AnUnseekableStreamOverTheSizeLimitStopsAtTheLimit()
    {
        using var stream = new UnseekableStream(File.ReadAllBytes(TestSchedules.PathOf("38c3-hub.xml")));

        var result = FrabXmlReader.Read(stream, new ScheduleReadOptions { MaxBytes = 100_000 });

        Assert.Contains("larger than the limit of 100,000 bytes", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.True(stream.BytesRead <= 100_000 + 81_920);
    }

    [Fact]
    public void ADurationThatIsNotADurationIsAnErrorNamingTheEvent()
    {
        var xml = Head + Event("11111111-0000-0000-0000-000000000001", "Fine") + Event("22222222-0000-0000-0000-000000000002", "Broken", duration: "half an hour") + Tail;

        var result = TestSchedules.ReadText(xml);

        var error = Assert.Single(result.Errors);
        Assert.Equal("events[1].duration", error.Path);
        Assert.Equal(LocationOf(xml, "<duration>half an hour"), error.Location);
        Assert.Contains("2222", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Broken'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'half an hour'", error.Message, StringComparison.Ordinal);
        Assert.Equal(["Fine"], result.Document!.Events.Select(e => e.Title));
    }

    [Fact]
    public void AnEventWithoutAStartIsAnError()
    {
        var xml = Head + """<event guid="33333333-0000-0000-0000-000000000003" id="3"><duration>00:30</duration><title>Nowhen</title></event>""" + Tail;

        var error = Assert.Single(TestSchedules.ReadText(xml).Errors);

        Assert.Equal("events[0].start", error.Path);
        Assert.Contains("'Nowhen' has no start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownTimeZoneIsAnError()
    {
        var xml = Head.Replace("Europe/Berlin", "Mars/Olympus_Mons", StringComparison.Ordinal) + """<event id="4"><start>10:00</start><duration>00:30</duration><title>Local</title></event>""" + Tail;

        var result = TestSchedules.ReadText(xml);

        Assert.Contains(result.Errors, e => e.Path == "conference.time_zone" && e.Message.Contains("Unknown time zone 'Mars/Olympus_Mons'", StringComparison.Ordinal));
        Assert.Empty(result.Document!.Events);
    }

    [Fact]
    public void DuplicateGuidsAndEmptyTitlesAreWarnings()
    {
        const string guid = "44444444-0000-0000-0000-000000000004";
        var xml = Head + Event(guid, "One") + Event(guid, "") + Tail;

        var result = TestSchedules.ReadText(xml);

        Assert.Empty(result.Errors);
        Assert.Equal(["events[1].title", "events[1].guid"], result.Warnings.Select(w => w.Path));
        Assert.Equal(2, result.Document!.Events.Count);
    }

    [Fact]
    public void ARoomWithTwoGuidsIsAWarning()
    {
        var xml = Head + Event("55555555-0000-0000-0000-000000000005", "A") + """
                </room>
              </day>
              <day index="2" date="2024-12-28">
                <room name="Saal 1" guid="00000000-0000-0000-0000-0000000000aa">
            """ + Event("66666666-0000-0000-0000-000000000006", "B", "2024-12-28T10:00:00+01:00") + Tail;

        var warning = Assert.Single(TestSchedules.ReadText(xml).Warnings);

        Assert.Equal("rooms[1].guid", warning.Path);
        Assert.Contains("Room 'Saal 1' has two guids", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextThatIsNeitherXmlNorJsonIsAnError()
    {
        var error = Assert.Single(TestSchedules.ReadText("BEGIN:VCALENDAR").Errors);

        Assert.Contains("neither XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AByteOrderMarkAndLeadingWhiteSpaceDoNotHideTheFormat()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat("\n  {\"schedule\": {\"version\": \"1\", \"conference\": {\"title\": \"T\"}}}"u8.ToArray()).ToArray();

        var result = ScheduleReader.Read(new MemoryStream(bytes));

        Assert.Equal(ScheduleFormat.C3vocJson, result.Document!.Format);
        Assert.Equal("T", result.Document.Conference.Title);
    }

    /// <summary>Where an element starts, as XmlReader counts: 1-based line, column of the name after '&lt;'.</summary>
    private static SourceLocation LocationOf(string text, string element)
    {
        var at = text.IndexOf(element, StringComparison.Ordinal);
        var lineStart = text.LastIndexOf('\n', at) + 1;
        return SourceLocation.At(text[..at].Count(c => c == '\n') + 1, at - lineStart + 2);
    }

    private sealed class UnseekableStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
