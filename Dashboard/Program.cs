using Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.AddDashboard();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.MapDashboard();
app.Run();

/// <summary>The app's entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
