using Amanat.Web.Infrastructure;

// Configuration and static files are found beside the program, whatever the working directory;
// relative paths in configuration (the data directory) are taken from the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddAmanat();

var app = builder.Build();
await app.PrepareAmanatAsync();
app.UseAmanat();
await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
