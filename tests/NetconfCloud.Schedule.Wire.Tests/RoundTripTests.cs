namespace NetconfCloud.Schedule.Wire.Tests;

/// <summary>
/// Every record goes to the wire and back unchanged. The comparison is by reflection over the record's properties, so
/// a field added to the domain and mapped nowhere fails here, not in a user's calendar.
/// </summary>
public class RoundTripTests
{
    [Fact]
    public void TheTestRecordsSetEveryField()
    {
        Assert.Empty(Everything.DefaultProperties(Everything.Conference));
        Assert.Empty(Everything.DefaultProperties(Everything.Session));
        Assert.Empty(Everything.DefaultProperties(Everything.Speaker));
        Assert.Empty(Everything.DefaultProperties(Everything.Sponsor));
    }

    [Fact]
    public void ASessionWithEveryFieldSetComesBackFromTheWireUnchanged()
    {
        var session = Everything.Session;

        var back = WireMapping.ToDomain(WireMapping.ToWire(session, Everything.Zone));

        AssertSameProperties(session, back);
    }

    [Fact]
    public void AConferenceWithEveryFieldSetComesBackFromTheWireUnchangedButItsStorageFields()
    {
        var conference = Everything.Conference with { ETag = "storage only" };

        var back = WireMapping.ToDomain(WireMapping.ToWire(conference));

        AssertSameProperties(conference, back, nameof(Conference.ETag), nameof(Conference.PendingEdit));
        Assert.Equal(("", ""), (back.ETag, back.PendingEdit));
    }

    [Fact]
    public void AFollowGoesOnTheWireWithoutTheSourcesValidatorsOrTheLease()
    {
        var follow = Everything.Follow with
        {
            SourceETag = "\"v1\"",
            SourceLastModified = "Sat, 31 Jan 2026 10:00:00 GMT",
            LeaseOwner = "replica-a",
            LeaseExpiry = DateTimeOffset.UnixEpoch,
            ETag = "storage only",
        };

        var wire = WireMapping.ToWire(Everything.Conference with { Follow = follow });
        var back = WireMapping.ToDomain(wire).Follow!;

        Assert.Equal(Everything.Follow, back);
        Assert.DoesNotContain("v1", wire.Follow.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("replica-a", wire.Follow.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnImportIgnoresAFollowSentWithItsConference()
    {
        var request = ImportMapping.ToWire("netconf-2015", new IncomingAgenda(Everything.Conference, [], []), new ImportOptions());

        var (agenda, _) = ImportMapping.ToDomain(request);

        Assert.NotNull(request.Conference.Follow);
        Assert.Null(agenda.Conference.Follow);
    }

    [Fact]
    public void ASpeakerComesBackFromTheWireUnchanged() =>
        AssertSameProperties(Everything.Speaker, WireMapping.ToDomain(WireMapping.ToWire(Everything.Speaker)));

    [Fact]
    public void ASponsorComesBackFromTheWireUnchanged() =>
        AssertSameProperties(Everything.Sponsor, WireMapping.ToDomain(WireMapping.ToWire(Everything.Sponsor)));

    [Fact]
    public void ADraftReadFromTheWireKeepsEveryFieldAWriterSends()
    {
        var session = Everything.Session;
        var requestId = Guid.NewGuid().ToString();

        var draft = WireMapping.ToDraft(new Contracts.Schedule.V1.CreateSessionRequest { Session = WireMapping.ToWireFields(session), RequestId = requestId });

        Assert.Equal((session.Id, requestId), (draft.Id, draft.RequestId));
        Assert.Equal(session.Speakers.Select(s => s.Id), draft.SpeakerIds);
        Assert.Empty(NetconfCloud.Testing.EveryField.Differences(session, draft.Content with { Speakers = session.Speakers }));
    }

    [Fact]
    public void AnImportedSessionKeepsEveryFieldOverTheWire()
    {
        var session = Everything.Session;
        var agenda = new IncomingAgenda(Everything.Conference, [], [new IncomingSession(session, ["a", "b"], "12:3")]);

        var (back, _) = ImportMapping.ToDomain(ImportMapping.ToWire(session.Id, agenda, new ImportOptions()));

        var imported = Assert.Single(back.Sessions);
        Assert.Equal(["a", "b"], imported.SpeakerKeys);
        Assert.Equal("12:3", imported.Location);
        Assert.Empty(NetconfCloud.Testing.EveryField.Differences(session, imported.Session with { Speakers = session.Speakers }));
    }

    [Fact]
    public void AWireSessionCarriesItsDayInTheConferenceZone()
    {
        var lateEvening = Everything.Session with { Start = new DateTimeOffset(2015, 2, 13, 2, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2015, 2, 13, 3, 0, 0, TimeSpan.Zero) };

        Assert.Equal("2015-02-12", WireMapping.ToWire(lateEvening, Everything.Zone).Day);
    }

    [Theory]
    [InlineData(SessionKind.Talk)]
    [InlineData(SessionKind.Break)]
    [InlineData(SessionKind.Meal)]
    public void EveryKindMapsBothWays(SessionKind kind) =>
        Assert.Equal(kind, WireMapping.ToDomain(WireMapping.ToWire(kind), "kind"));

    [Fact]
    public void EveryDomainKindAndStatusHasAWireValue()
    {
        Assert.All(Enum.GetValues<SessionKind>(), kind => Assert.NotEqual(Contracts.Schedule.V1.SessionKind.Unspecified, WireMapping.ToWire(kind)));
        Assert.All(Enum.GetValues<SessionStatus>(), status => Assert.NotEqual(Contracts.Schedule.V1.SessionStatus.Unspecified, WireMapping.ToWire(status)));
    }

    [Fact]
    public void AnUnspecifiedKindIsRefusedNamingTheField()
    {
        var error = Assert.Throws<InvalidArgumentException>(() => WireMapping.ToDomain(Contracts.Schedule.V1.SessionKind.Unspecified, "session.kind"));

        Assert.Equal("session.kind", error.Violations[0].Field);
    }

    [Fact]
    public void ASessionWithoutAStartIsRefusedNamingStartTime()
    {
        var wire = WireMapping.ToWireFields(Everything.Session);
        wire.StartTime = null;

        var error = Assert.Throws<InvalidArgumentException>(() => WireMapping.ToDraft(wire));

        Assert.Equal("session.start_time", error.Violations[0].Field);
    }

    private static void AssertSameProperties(object expected, object actual, params string[] except)
    {
        foreach (var property in Everything.Fields(expected.GetType()).Where(p => !except.Contains(p.Name)))
        {
            var (want, got) = (property.GetValue(expected), property.GetValue(actual));
            if (want is System.Collections.IEnumerable list and not string)
            {
                Assert.True(
                    list.Cast<object>().SequenceEqual(((System.Collections.IEnumerable)got!).Cast<object>()),
                    $"{expected.GetType().Name}.{property.Name} did not survive the wire.");
            }
            else
            {
                Assert.True(Equals(want, got), $"{expected.GetType().Name}.{property.Name} did not survive the wire: {want} became {got}.");
            }
        }
    }
}
