using NetconfCloud.FunctionsHost;

// functions-host --app <built Functions app folder> [--port 7071]
// Exit codes: 0 stopped (Ctrl+C), 1 the worker could not start or died, 2 no Functions app at --app (one error line).
return await LocalFunctionsHost.RunAsync(args, Console.Error);
