using System.CommandLine;
using System.Globalization;
using NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Cli;

/// <summary>
/// Conferences and their rooms and tracks: list the conferences, show one, create one, edit its details; list,
/// add and remove rooms and tracks (UpdateConference with the mask <c>rooms</c> or <c>tracks</c>).
/// </summary>
internal static class ConferenceCommands
{
    public static IEnumerable<Command> All() => [Conferences(), Conference(), Rooms(), Tracks()];

    private static Command Conferences()
    {
        var command = new Command("conferences", "List the conferences of this deployment: id, name, dates, time zone, agenda version.");
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var reply = await connection.Client.ListConferencesAsync(new ListConferencesRequest(), connection.Call());
            if (reply.Conferences.Count == 0)
            {
                await connection.Output.WriteLineAsync("no conferences yet: 'netconf conference create' or 'netconf import' makes one");
            }

            foreach (var c in reply.Conferences)
            {
                await connection.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Id,-22} {c.Name}; {Dates(c)}; times in {c.TimeZone}; agenda version {c.AgendaVersion}"));
            }

            return 0;
        });
        return command;
    }

    private static Command Conference()
    {
        var command = new Command("conference", "Show the conference (--conference): dates, place, time zone, rooms, tracks, committee, agenda version.")
        {
            CreateConference(), EditConference(),
        };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            await WriteAsync(connection.Output, await connection.ConferenceAsync());
            return 0;
        });
        return command;
    }

    private static Command CreateConference()
    {
        var id = new Argument<string>("id") { Description = "The new conference's id: lower-case letters, digits and hyphens, e.g. fosdem-2026." };
        var details = new Details();
        details.Name.Required = true;
        details.TimeZone.Required = true;
        details.Days.Required = true;
        var command = new Command("create", "Create a conference with an empty agenda. Needs a token.") { id };
        details.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var created = await connection.Client.CreateConferenceAsync(new CreateConferenceRequest { Conference = details.Read(parse, parse.GetValue(id)!) }, connection.Call());
            await WriteAsync(connection.Output, created);
            return 0;
        });
        return command;
    }

    private static Command EditConference()
    {
        var details = new Details();
        var command = new Command("edit", "Change the conference's details: only the options given change (an empty value clears a field). Needs a token.");
        details.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var mask = GivenFields.Mask(parse, details.Fields);
            var updated = await connection.Client.UpdateConferenceAsync(
                new UpdateConferenceRequest { Conference = details.Read(parse, connection.ConferenceId), UpdateMask = mask }, connection.Call());
            await WriteAsync(connection.Output, updated);
            return 0;
        });
        return command;
    }

    private static Command Rooms()
    {
        var command = new Command("rooms", "List the conference's rooms in order, with how many sessions each holds.") { AddRoom(), RemoveRoom() };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var agenda = await connection.ReadAgendaAsync();
            await WriteUsesAsync(connection.Output, agenda.Conference.Rooms.Select(r => (r.Id, r.Name)), agenda.Sessions, s => s.RoomId, "rooms", agenda.Conference.Id);
            return 0;
        });
        return command;
    }

    private static Command AddRoom()
    {
        var id = new Argument<string>("id") { Description = "The room's id, e.g. saal-1." };
        var name = new Argument<string>("name") { Description = "The room's name, e.g. 'Saal 1'." };
        var position = new Option<int?>("--position") { Description = "Where in the list, from 0 (default: at the end)." };
        var command = new Command("add", "Add a room to the conference. Needs a token.") { id, name, position };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var rooms = (await connection.ConferenceAsync()).Rooms.ToList();
            rooms.Insert(Position(parse.GetValue(position), rooms.Count), new Room { Id = parse.GetValue(id)!, Name = parse.GetValue(name)! });
            var updated = await connection.Client.UpdateConferenceAsync(
                new UpdateConferenceRequest { Conference = new Contracts.Schedule.V1.Conference { Id = connection.ConferenceId, Rooms = { rooms } }, UpdateMask = new() { Paths = { "rooms" } } },
                connection.Call());
            await connection.Output.WriteLineAsync($"rooms of {updated.Id}: {Listed(updated.Rooms.Select(r => (r.Id, r.Name)))}");
            return 0;
        });
        return command;
    }

    private static Command RemoveRoom()
    {
        var id = new Argument<string>("id") { Description = "The room's id." };
        var command = new Command("remove", "Remove a room that no session uses (the service refuses to remove one in use, and names its sessions). Needs a token.") { id };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var current = await connection.ConferenceAsync();
            var room = parse.GetValue(id)!;
            if (current.Rooms.All(r => r.Id != room))
            {
                await connection.Error.WriteLineAsync($"error: {current.Id} has no room '{room}'; its rooms: {Listed(current.Rooms.Select(r => (r.Id, r.Name)))}");
                return NetconfCommand.Refused;
            }

            var updated = await connection.Client.UpdateConferenceAsync(
                new UpdateConferenceRequest
                {
                    Conference = new Contracts.Schedule.V1.Conference { Id = current.Id, Rooms = { current.Rooms.Where(r => r.Id != room) } },
                    UpdateMask = new() { Paths = { "rooms" } },
                },
                connection.Call());
            await connection.Output.WriteLineAsync($"rooms of {updated.Id}: {Listed(updated.Rooms.Select(r => (r.Id, r.Name)))}");
            return 0;
        });
        return command;
    }

    private static Command Tracks()
    {
        var command = new Command("tracks", "List the conference's tracks in order, with their colours and how many sessions each has.") { AddTrack(), RemoveTrack() };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var agenda = await connection.ReadAgendaAsync();
            var tracks = agenda.Conference.Tracks.Select(t => (t.Id, Name: t.Color.Length > 0 ? $"{t.Name} ({t.Color})" : t.Name));
            await WriteUsesAsync(connection.Output, tracks, agenda.Sessions, s => s.TrackId, "tracks", agenda.Conference.Id);
            return 0;
        });
        return command;
    }

    private static Command AddTrack()
    {
        var id = new Argument<string>("id") { Description = "The track's id, e.g. security." };
        var name = new Argument<string>("name") { Description = "The track's name, e.g. 'Security'." };
        var color = new Option<string>("--color") { Description = "The colour schedules show it in, '#rrggbb'." };
        var position = new Option<int?>("--position") { Description = "Where in the list, from 0 (default: at the end)." };
        var command = new Command("add", "Add a track to the conference. Needs a token.") { id, name, color, position };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var tracks = (await connection.ConferenceAsync()).Tracks.ToList();
            tracks.Insert(Position(parse.GetValue(position), tracks.Count), new Track { Id = parse.GetValue(id)!, Name = parse.GetValue(name)!, Color = parse.GetValue(color) ?? "" });
            var updated = await connection.Client.UpdateConferenceAsync(
                new UpdateConferenceRequest { Conference = new Contracts.Schedule.V1.Conference { Id = connection.ConferenceId, Tracks = { tracks } }, UpdateMask = new() { Paths = { "tracks" } } },
                connection.Call());
            await connection.Output.WriteLineAsync($"tracks of {updated.Id}: {Listed(updated.Tracks.Select(t => (t.Id, t.Name)))}");
            return 0;
        });
        return command;
    }

    private static Command RemoveTrack()
    {
        var id = new Argument<string>("id") { Description = "The track's id." };
        var command = new Command("remove", "Remove a track that no session uses (the service refuses to remove one in use). Needs a token.") { id };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var current = await connection.ConferenceAsync();
            var track = parse.GetValue(id)!;
            if (current.Tracks.All(t => t.Id != track))
            {
                await connection.Error.WriteLineAsync($"error: {current.Id} has no track '{track}'; its tracks: {Listed(current.Tracks.Select(t => (t.Id, t.Name)))}");
                return NetconfCommand.Refused;
            }

            var updated = await connection.Client.UpdateConferenceAsync(
                new UpdateConferenceRequest
                {
                    Conference = new Contracts.Schedule.V1.Conference { Id = current.Id, Tracks = { current.Tracks.Where(t => t.Id != track) } },
                    UpdateMask = new() { Paths = { "tracks" } },
                },
                connection.Call());
            await connection.Output.WriteLineAsync($"tracks of {updated.Id}: {Listed(updated.Tracks.Select(t => (t.Id, t.Name)))}");
            return 0;
        });
        return command;
    }

    /// <summary>The conference as 'netconf conference' shows it; lines with nothing to say are left out.</summary>
    private static async Task WriteAsync(TextWriter output, Contracts.Schedule.V1.Conference c)
    {
        var title = c.FullName.Length > 0 ? c.FullName : c.Name;
        await output.WriteLineAsync(c.Subtitle.Length > 0 ? $"{title} ({c.Subtitle})" : title);
        var place = string.Join(", ", new[] { c.Venue, c.City, c.Country }.Where(p => p.Length > 0));
        await output.WriteLineAsync($"  {c.Id}: {(place.Length > 0 ? place + "; " : "")}times in {c.TimeZone}");
        if (c.Url.Length > 0)
        {
            await output.WriteLineAsync($"  {c.Url}");
        }

        await output.WriteLineAsync($"  days: {string.Join(", ", c.Days.Select(DayText))}");
        foreach (var (label, items) in new[]
        {
            ("rooms", c.Rooms.Select(r => r.Name)),
            ("tracks", c.Tracks.Select(t => t.Name)),
            ("committee", c.Committee.Select(m => m.Role.Length > 0 ? $"{m.Name} ({m.Role})" : m.Name)),
        })
        {
            var text = string.Join(", ", items);
            if (text.Length > 0)
            {
                await output.WriteLineAsync($"  {label}: {text}");
            }
        }

        if (c.CoLocatedEvent is { } e)
        {
            await output.WriteLineAsync($"  with {e.Name}, {e.StartDate} to {e.EndDate}, {e.City}");
        }

        var status = c.AgendaStatus.Length > 0 ? $" ({c.AgendaStatus.ToLowerInvariant()})" : "";
        await output.WriteLineAsync($"  agenda version {c.AgendaVersion.ToString(CultureInfo.InvariantCulture)}{status}");
        if (c.Follow is { } follow)
        {
            await output.WriteLineAsync($"  {FollowCommand.Describe(follow, DateTimeOffset.UtcNow)}");
        }
    }

    /// <summary>Rooms or tracks in order with how many sessions use each; cancelled sessions are counted apart.</summary>
    private static async Task WriteUsesAsync(
        TextWriter output, IEnumerable<(string Id, string Name)> items, IReadOnlyList<Schedule.Session> sessions, Func<Schedule.Session, string> use, string what, string conferenceId)
    {
        var used = sessions.ToLookup(use, StringComparer.Ordinal);
        var listed = items.ToArray();
        if (listed.Length == 0)
        {
            await output.WriteLineAsync($"{conferenceId} lists no {what}");
            return;
        }

        foreach (var (id, name) in listed)
        {
            await output.WriteLineAsync($"{id,-22} {name,-30} {Count(used[id])}");
        }

        if (used[""].Any())
        {
            await output.WriteLineAsync($"{"-",-22} {"(none)",-30} {Count(used[""])}");
        }
    }

    private static string Count(IEnumerable<Schedule.Session> sessions)
    {
        var scheduled = sessions.Count(s => s.Status == Schedule.SessionStatus.Scheduled);
        var cancelled = sessions.Count(s => s.Status == Schedule.SessionStatus.Cancelled);
        var text = scheduled == 1 ? "1 session" : string.Create(CultureInfo.InvariantCulture, $"{scheduled} sessions");
        return cancelled > 0 ? string.Create(CultureInfo.InvariantCulture, $"{text} (and {cancelled} cancelled)") : text;
    }

    private static string Listed(IEnumerable<(string Id, string Name)> items) =>
        items.Select(i => $"{i.Name} ({i.Id})").DefaultIfEmpty("none").Aggregate((a, b) => $"{a}, {b}");

    private static int Position(int? position, int count) => position switch
    {
        null => count,
        < 0 => throw new CommandLineException("--position counts from 0."),
        _ => Math.Min(position.Value, count),
    };

    /// <summary>First and last day, e.g. "2015-02-12 to 2015-02-13 (2 days)".</summary>
    private static string Dates(Contracts.Schedule.V1.Conference c) => c.Days.Count switch
    {
        0 => "no days",
        1 => c.Days[0].Date,
        _ => string.Create(CultureInfo.InvariantCulture, $"{c.Days[0].Date} to {c.Days[^1].Date} ({c.Days.Count} days)"),
    };

    private static string DayText(ConferenceDay day) =>
        DateOnly.TryParseExact(day.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture)
            : day.Date;

    /// <summary>The options of a conference's details, shared by create and edit (each command gets its own).</summary>
    private sealed class Details
    {
        public Option<string> Name { get; } = new("--name") { Description = "Short name, e.g. 'FOSDEM 2026'." };

        public Option<string> FullName { get; } = new("--full-name") { Description = "Full name, when longer than the short one." };

        public Option<string> Subtitle { get; } = new("--subtitle") { Description = "Subtitle." };

        public Option<string> Description { get; } = new("--description") { Description = "What the conference is, in a paragraph." };

        public Option<string> TimeZone { get; } = new("--time-zone") { Description = "IANA time zone, e.g. Europe/Brussels: every time is shown in it." };

        public Option<string> Days { get; } = new("--days") { Description = "The conference days, in order: '2026-01-31,2026-02-01', or a range '2026-01-31..2026-02-01'." };

        public Option<string> Venue { get; } = new("--venue") { Description = "Venue, e.g. 'ULB Solbosch'." };

        public Option<string> City { get; } = new("--city") { Description = "City." };

        public Option<string> Country { get; } = new("--country") { Description = "Country." };

        public Option<string> Url { get; } = new("--url") { Description = "The conference's web site (http or https)." };

        public Option<string> Status { get; } = new("--status") { Description = "The agenda's status as published, e.g. Tentative or Final." };

        public (Option Option, string Path)[] Fields =>
        [
            (Name, "name"), (FullName, "full_name"), (Subtitle, "subtitle"), (Description, "description"), (TimeZone, "time_zone"),
            (Days, "days"), (Venue, "venue"), (City, "city"), (Country, "country"), (Url, "url"), (Status, "agenda_status"),
        ];

        public void AddTo(Command command)
        {
            foreach (var (option, _) in Fields)
            {
                command.Options.Add(option);
            }
        }

        public Contracts.Schedule.V1.Conference Read(ParseResult parse, string id) => new()
        {
            Id = id,
            Name = parse.GetValue(Name) ?? "",
            FullName = parse.GetValue(FullName) ?? "",
            Subtitle = parse.GetValue(Subtitle) ?? "",
            Description = parse.GetValue(Description) ?? "",
            TimeZone = parse.GetValue(TimeZone) ?? "",
            Venue = parse.GetValue(Venue) ?? "",
            City = parse.GetValue(City) ?? "",
            Country = parse.GetValue(Country) ?? "",
            Url = parse.GetValue(Url) ?? "",
            AgendaStatus = parse.GetValue(Status) ?? "",
            Days = { parse.IsGiven(Days) ? ParseDays(parse.GetValue(Days) ?? "") : [] },
        };

        private static IEnumerable<ConferenceDay> ParseDays(string text)
        {
            var days = new List<DateOnly>();
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var range = part.Split("..", StringSplitOptions.TrimEntries);
                if (range.Length == 2 && ParseDay(range[0]) is var first && ParseDay(range[1]) is var last && first <= last && last.DayNumber - first.DayNumber < 366)
                {
                    for (var day = first; day <= last; day = day.AddDays(1))
                    {
                        days.Add(day);
                    }
                }
                else if (range.Length == 1)
                {
                    days.Add(ParseDay(part));
                }
                else
                {
                    throw new CommandLineException($"'{part}' is not a range of days as 2026-01-31..2026-02-01.");
                }
            }

            return days.Count > 0
                ? days.Select(d => new ConferenceDay { Date = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })
                : throw new CommandLineException("--days needs at least one day, e.g. 2026-01-31,2026-02-01.");
        }

        private static DateOnly ParseDay(string text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new CommandLineException($"'{text}' is not a day as YYYY-MM-DD.");
    }
}
