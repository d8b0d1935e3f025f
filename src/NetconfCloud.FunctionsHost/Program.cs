using NetconfCloud.FunctionsHost;

// functions-host --app <built Functions app folder> [--port 7071]
var app = LocalFunctionsHost.Build(args);
app.Run();

// Non-zero when the worker could not start or died: scripts and supervisors see the failure.
return LocalFunctionsHost.Failure(app) is null ? 0 : 1;
