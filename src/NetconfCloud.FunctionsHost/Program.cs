using NetconfCloud.FunctionsHost;

// functions-host --app <built Functions app folder> [--port 7071]
var app = LocalFunctionsHost.Build(args);
app.Run();
