using Amanat.Web.Cli;
using Amanat.Web.Infrastructure;

// Configuration and static files are found beside the program, whatever the working directory;
// relative paths in configuration (the data directory) are taken from the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddAmanat();
if (AdminCli.Handles(args))
{
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddSingleton(new Amanat.Web.Auditing.ProcessChannel(Amanat.Core.Auditing.AuditOrigin.Cli));
    await using var cli = builder.Build();
    return await AdminCli.RunAsync(cli, args);
}

var app = builder.Build();
await app.PrepareAmanatAsync();
app.UseAmanat();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
