using NetconfCloud.Schedule.Follow;
using NetconfCloud.Schedule.Storage;
using NetconfCloud.ScheduleService;

var builder = WebApplication.CreateBuilder(args);

builder.AddScheduleTelemetry();
builder.AddAgendaTableStorage();
builder.AddWriterAuthentication();
builder.AddScheduleGrpc();
builder.AddSourceFollowing();

var app = builder.Build();

app.MapScheduleGrpc();

app.Run();

public partial class Program;
