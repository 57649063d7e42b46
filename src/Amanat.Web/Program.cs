using Amanat.Web.Cli;
using Amanat.Web.Infrastructure;

// Configuration and static files are found beside the program, whatever the working directory;
// relative paths in configuration (the data directory) are taken from the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddAmanat();
if (AdminCli.Handles(args))
{
    AdminCli.ConfigureForCommands(builder);
    await using var cli = builder.Build();
    return await AdminCli.RunAsync(cli, args);
}

if (AdminCli.IsUnknownCommand(args))
{
    // A mistyped command must not start a second server on the same data.
    await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: {string.Join(", ", AdminCli.CommandNames)}; no command starts the server.");
    return 1;
}

// Under systemd (Type=notify) or as a Windows service; neither does anything when started from a shell.
builder.Host.UseSystemd().UseWindowsService();

var app = builder.Build();
await app.PrepareAmanatAsync();
app.UseAmanat();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Maintainability", "CA1515:Consider making public types internal", Justification = "WebApplicationFactory<Program> in the public test fixtures.")]
public partial class Program;
