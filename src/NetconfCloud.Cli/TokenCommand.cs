using System.CommandLine;

namespace NetconfCloud.Cli;

/// <summary>Minting a development token for the commands that change the agenda.</summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who the token names (the change log's actor).", DefaultValueFactory = _ => Environment.UserName };
        var readOnly = new Option<bool>("--read-only") { Description = "A token without the write permission." };
        var hours = new Option<int>("--hours") { Description = "Lifetime in hours.", DefaultValueFactory = _ => 12 };
        var command = new Command("token", "Mint a development token (accepted only by a service running in Development).") { name, readOnly, hours };
        command.SetAction(async parse =>
        {
            await parse.InvocationConfiguration.Output.WriteLineAsync(DevelopmentTokens.Mint(parse.GetValue(name)!, !parse.GetValue(readOnly), TimeSpan.FromHours(parse.GetValue(hours))));
            return 0;
        });
        return command;
    }
}
