using System.Diagnostics;

namespace Amanat.Web.Tests.Support;

/// <summary>The administration CLI (the same executable as the server) or the demo tool, run as a separate process with the given settings.</summary>
public static class CliProcess
{
    /// <summary>Runs one command; <paramref name="input"/> is its first line of standard input (a password), if any.</summary>
    public static Task<(int Code, string Output, string Error)> RunAsync(IEnumerable<KeyValuePair<string, string?>> environment, string? input, params string[] args) =>
        RunProgramAsync("Amanat.Web.dll", environment, input, args);

    /// <summary>Runs one command of the demo tool (tools/Amanat.Demo), with the same settings.</summary>
    public static Task<(int Code, string Output, string Error)> RunDemoAsync(IEnumerable<KeyValuePair<string, string?>> environment, params string[] args) =>
        RunProgramAsync("Amanat.Demo.dll", environment, null, args);

    private static async Task<(int Code, string Output, string Error)> RunProgramAsync(string program, IEnumerable<KeyValuePair<string, string?>> environment, string? input, string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
