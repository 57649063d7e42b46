using Amanat.Web.Cli;

namespace Amanat.Demo;

/// <summary>
/// <c>seed --incidents N [--seed S]</c>, with the same settings, database and keys as the application's own
/// commands. A named class rather than top-level statements: those would make a second public <c>Program</c>
/// beside the application's in the projects that reference both.
/// </summary>
internal static class DemoProgram
{
    public static Task<int> Main(string[] args) => AdminCli.RunToolAsync(args, DemoCli.Build);
}
