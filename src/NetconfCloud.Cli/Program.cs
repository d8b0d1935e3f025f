using NetconfCloud.Cli;

return await NetconfCommand.RunAsync(args, Console.Out, Console.Error);
