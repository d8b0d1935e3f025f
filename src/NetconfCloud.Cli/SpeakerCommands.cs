using System.CommandLine;
using NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Cli;

/// <summary>Speakers: list them; add, edit and remove one. A speaker who is in any session cannot be removed.</summary>
internal static class SpeakerCommands
{
    public static IEnumerable<Command> All() => [Speakers()];

    private static Command Speakers()
    {
        var command = new Command("speakers", "List speakers with their ids and other spellings of their names.") { Add(), Edit(), Remove() };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var request = new ListSpeakersRequest { ConferenceId = connection.ConferenceId };
            do
            {
                var page = await connection.Client.ListSpeakersAsync(request, connection.Call());
                foreach (var s in page.Speakers)
                {
                    await connection.Output.WriteLineAsync(Line(s));
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            return 0;
        });
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "The speaker's name, e.g. 'Ada Lovelace'." };
        var id = new Option<string>("--id") { Description = "The speaker's id (default: derived from the name, e.g. ada-lovelace)." };
        var fields = new Fields();
        var command = new Command("add", "Add a speaker. Needs a token.") { name, id, fields.Bio, fields.AlsoKnownAs, fields.Links };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var speaker = fields.Read(parse, parse.GetValue(id) ?? "");
            speaker.Name = parse.GetValue(name)!;
            var created = await connection.Client.CreateSpeakerAsync(new CreateSpeakerRequest { ConferenceId = connection.ConferenceId, Speaker = speaker }, connection.Call());
            await WriteAsync(connection.Output, created);
            return 0;
        });
        return command;
    }

    private static Command Edit()
    {
        var id = new Argument<string>("id") { Description = "The speaker's id." };
        var name = new Option<string>("--name") { Description = "The new name; it is written into the speaker's sessions too." };
        var fields = new Fields();
        var command = new Command("edit", "Change a speaker: only the options given change (--also-known-as and --link replace the whole list). Needs a token.")
        {
            id, name, fields.Bio, fields.AlsoKnownAs, fields.Links,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var mask = GivenFields.Mask(parse, (name, "name"), (fields.Bio, "bio"), (fields.AlsoKnownAs, "also_known_as"), (fields.Links, "links"));
            var speaker = fields.Read(parse, parse.GetValue(id)!);
            speaker.Name = parse.GetValue(name) ?? "";
            var updated = await connection.Client.UpdateSpeakerAsync(
                new UpdateSpeakerRequest { ConferenceId = connection.ConferenceId, Speaker = speaker, UpdateMask = mask }, connection.Call());
            await WriteAsync(connection.Output, updated);
            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var id = new Argument<string>("id") { Description = "The speaker's id." };
        var command = new Command("remove", "Remove a speaker who is in no session (the service refuses otherwise and names the sessions). Needs a token.") { id };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var speakerId = parse.GetValue(id)!;
            var reply = await connection.Client.DeleteSpeakerAsync(new DeleteSpeakerRequest { ConferenceId = connection.ConferenceId, SpeakerId = speakerId }, connection.Call());
            await connection.Output.WriteLineAsync($"removed speaker {speakerId}; {connection.ConferenceId} is now at agenda version {reply.AgendaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            return 0;
        });
        return command;
    }

    private static string Line(Speaker s)
    {
        var aka = s.AlsoKnownAs.Count > 0 ? $" (also {string.Join(", ", s.AlsoKnownAs)})" : "";
        return $"{s.Id,-22} {s.Name}{aka}";
    }

    private static async Task WriteAsync(TextWriter output, Speaker s)
    {
        await output.WriteLineAsync(Line(s));
        if (s.Bio.Length > 0)
        {
            await output.WriteLineAsync($"  bio       {s.Bio}");
        }

        foreach (var link in s.Links)
        {
            await output.WriteLineAsync($"  link      {SessionLine.LinkText(link)}");
        }
    }

    /// <summary>The options add and edit share (each command gets its own).</summary>
    private sealed class Fields
    {
        public Option<string> Bio { get; } = new("--bio") { Description = "A short biography." };

        public Option<string[]> AlsoKnownAs { get; } = new("--also-known-as")
        {
            Description = "Another spelling of the name in published material, e.g. 'David Miller' (repeatable; once with '' clears them).",
        };

        public Option<string[]> Links { get; } = new("--link") { Description = "A link as TITLE=URL, e.g. 'Home=https://example.org' (repeatable; once with '' clears them)." };

        public Speaker Read(ParseResult parse, string id) => new()
        {
            Id = id,
            Bio = parse.GetValue(Bio) ?? "",
            AlsoKnownAs = { parse.Values(AlsoKnownAs) },
            Links = { parse.Links(Links) },
        };
    }
}
