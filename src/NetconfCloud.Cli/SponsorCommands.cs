using System.CommandLine;
using System.Globalization;
using NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Cli;

/// <summary>Sponsors: list them grouped by tier in published order; add, edit, move and remove one.</summary>
internal static class SponsorCommands
{
    public static IEnumerable<Command> All() => [Sponsors()];

    private static Command Sponsors()
    {
        var command = new Command("sponsors", "List sponsors in published order, grouped by tier, with the positions 'sponsors move' takes.") { Add(), Edit(), Move(), Remove() };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var request = new ListSponsorsRequest { ConferenceId = connection.ConferenceId };
            var sponsors = new List<Sponsor>();
            do
            {
                var page = await connection.Client.ListSponsorsAsync(request, connection.Call());
                sponsors.AddRange(page.Sponsors);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            if (sponsors.Count == 0)
            {
                await connection.Output.WriteLineAsync($"{connection.ConferenceId} lists no sponsors");
            }

            var tiered = sponsors.Any(s => s.Tier.Length > 0);
            foreach (var tier in sponsors.OrderBy(s => s.Order).GroupBy(s => s.Tier, StringComparer.Ordinal))
            {
                if (tiered)
                {
                    await connection.Output.WriteLineAsync(tier.Key.Length > 0 ? tier.Key : "(no tier)");
                }

                foreach (var s in tier)
                {
                    await connection.Output.WriteLineAsync($"{(tiered ? "  " : "")}{Line(s, withTier: false)}");
                }
            }

            return 0;
        });
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "The sponsor's name." };
        var id = new Option<string>("--id") { Description = "The sponsor's id (default: derived from the name)." };
        var position = new Option<int?>("--position") { Description = "Where in the published order, from 0 (default: at the end)." };
        var fields = new Fields();
        var command = new Command("add", "Add a sponsor. Needs a token.") { name, id, fields.Tagline, fields.Tier, fields.Url, position };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var sponsor = fields.Read(parse, parse.GetValue(id) ?? "");
            sponsor.Name = parse.GetValue(name)!;
            var request = new CreateSponsorRequest { ConferenceId = connection.ConferenceId, Sponsor = sponsor };
            if (parse.GetValue(position) is { } at)
            {
                request.Position = at >= 0 ? at : throw new CommandLineException("--position counts from 0.");
            }

            var created = await connection.Client.CreateSponsorAsync(request, connection.Call());
            await connection.Output.WriteLineAsync(Line(created));
            return 0;
        });
        return command;
    }

    private static Command Edit()
    {
        var id = new Argument<string>("id") { Description = "The sponsor's id." };
        var name = new Option<string>("--name") { Description = "The new name." };
        var fields = new Fields();
        var command = new Command("edit", "Change a sponsor: only the options given change (an empty value clears a field). Needs a token.")
        {
            id, name, fields.Tagline, fields.Tier, fields.Url,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var mask = GivenFields.Mask(parse, (name, "name"), (fields.Tagline, "tagline"), (fields.Tier, "tier"), (fields.Url, "url"));
            var sponsor = fields.Read(parse, parse.GetValue(id)!);
            sponsor.Name = parse.GetValue(name) ?? "";
            var updated = await connection.Client.UpdateSponsorAsync(
                new UpdateSponsorRequest { ConferenceId = connection.ConferenceId, Sponsor = sponsor, UpdateMask = mask }, connection.Call());
            await connection.Output.WriteLineAsync(Line(updated));
            return 0;
        });
        return command;
    }

    private static Command Move()
    {
        var id = new Argument<string>("id") { Description = "The sponsor's id." };
        var position = new Argument<int>("position") { Description = "The new position in the published order, from 0; the others close up." };
        var command = new Command("move", "Move a sponsor to another position in the published order. Needs a token.") { id, position };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var moved = await connection.Client.MoveSponsorAsync(
                new MoveSponsorRequest { ConferenceId = connection.ConferenceId, SponsorId = parse.GetValue(id)!, Position = parse.GetValue(position) }, connection.Call());
            await connection.Output.WriteLineAsync(Line(moved));
            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var id = new Argument<string>("id") { Description = "The sponsor's id." };
        var command = new Command("remove", "Remove a sponsor; the others close up. Needs a token.") { id };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var sponsorId = parse.GetValue(id)!;
            var reply = await connection.Client.DeleteSponsorAsync(new DeleteSponsorRequest { ConferenceId = connection.ConferenceId, SponsorId = sponsorId }, connection.Call());
            await connection.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"removed sponsor {sponsorId}; {connection.ConferenceId} is now at agenda version {reply.AgendaVersion}"));
            return 0;
        });
        return command;
    }

    /// <summary>e.g. "  2  noiro-networks          Noiro Networks, a Cisco Project [Gold] https://…".</summary>
    private static string Line(Sponsor s, bool withTier = true)
    {
        var tagline = s.Tagline.Length > 0 ? $", {s.Tagline}" : "";
        var tier = withTier && s.Tier.Length > 0 ? $" [{s.Tier}]" : "";
        var url = s.Url.Length > 0 ? $"  {s.Url}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{s.Order,3}  {s.Id,-22} {s.Name}{tagline}{tier}{url}");
    }

    /// <summary>The options add and edit share (each command gets its own).</summary>
    private sealed class Fields
    {
        public Option<string> Tagline { get; } = new("--tagline") { Description = "e.g. 'a Cisco Project'." };

        public Option<string> Tier { get; } = new("--tier") { Description = "e.g. Platinum; the listing groups sponsors by tier." };

        public Option<string> Url { get; } = new("--url") { Description = "The sponsor's web site (http or https)." };

        public Sponsor Read(ParseResult parse, string id) => new()
        {
            Id = id,
            Tagline = parse.GetValue(Tagline) ?? "",
            Tier = parse.GetValue(Tier) ?? "",
            Url = parse.GetValue(Url) ?? "",
        };
    }
}
