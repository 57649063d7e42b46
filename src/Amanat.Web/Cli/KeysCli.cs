using System.CommandLine;
using System.Globalization;
using Amanat.Core.Auditing;
using Amanat.Core.Security;
using Amanat.Web.Infrastructure;
using Amanat.Web.Keys;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amanat.Web.Cli;

/// <summary>
/// <c>keys rotate [--no-wait]</c>: new data-class keys, then every record key re-wrapped under them, then the
/// old generation destroyed. With the server running, the command asks it over the control socket (it holds
/// the keys) and follows the progress; with the server stopped, it does the work itself (in sealed mode it
/// asks for the passphrase first). Interrupted, it resumes where it stopped at the next start or run.
/// </summary>
internal static class KeysCli
{
    public static Command Build(IServiceProvider services)
    {
        var noWait = new Option<bool>("--no-wait") { Description = "Start the rotation on the running server and return at once." };
        var rotate = new Command("rotate", "Create new data-class keys, re-wrap every record key under them in the background, then destroy the old ones.") { noWait };
        rotate.SetAction((parse, cancel) => RotateAsync(services, parse.GetValue(noWait), cancel));
        return new Command("keys", "The data keys.") { rotate };
    }

    private static async Task<int> RotateAsync(IServiceProvider services, bool noWait, CancellationToken cancellationToken)
    {
        var socket = ControlSocket.PathIn(services.GetRequiredService<DataDirectory>());
        var started = await ControlClient.SendAsync(socket, new ControlRequest("rotate"));
        if (started is not null)
        {
            (started.Ok ? Console.Out : Console.Error).WriteLine(started.Message);
            return !started.Ok ? 1 : noWait ? 0 : await FollowAsync(socket, cancellationToken);
        }

        return await RotateHereAsync(services, cancellationToken);
    }

    /// <summary>Polls the running server until no record key is left under an older generation.</summary>
    private static async Task<int> FollowAsync(string socket, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var reply = await ControlClient.SendAsync(socket, new ControlRequest("rotation"));
            if (reply is not { Ok: true } || reply.Message.Split(' ') is not [var version, var leftText, var totalText, var runningText])
            {
                return AdminCli.Fail("The server stopped answering; the rotation resumes at its next start (run `keys rotate` again to follow it — it starts no second one while one runs).");
            }

            var left = int.Parse(leftText, CultureInfo.InvariantCulture);
            var total = int.Parse(totalText, CultureInfo.InvariantCulture);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total - left:N0} of {total:N0} record keys under generation {version}"));
            if (runningText == "0")
            {
                Console.WriteLine($"Done: every record key is under generation {version}; the older generation is destroyed.");
                return 0;
            }
        }
    }

    private static async Task<int> RotateHereAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        services.GetRequiredService<DataDirectory>().Ensure();
        await DatabaseSetup.PrepareAsync(services, cancellationToken);
        if (await VaultSetup.OpenVaultAsync(services, NullLogger.Instance) == VaultStart.Sealed && !AdminCli.UnsealHere(services.GetRequiredService<KeyVault>()))
        {
            return 1;
        }

        var rotation = services.GetRequiredService<KeyRotation>();
        var progress = await rotation.ProgressAsync(cancellationToken);
        var version = progress.Running ? progress.Version : await rotation.StartAsync(AuditSource.Cli());
        Console.Error.WriteLine(progress.Running ? $"Resuming the rotation to generation {version}." : $"Data-key generation {version} created.");
        while ((progress = await rotation.ProgressAsync(cancellationToken)).Running)
        {
            await rotation.RunAsync(maxBatches: 10, cancellationToken: cancellationToken);
            var now = await rotation.ProgressAsync(cancellationToken);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{now.Done:N0} of {now.Total:N0} record keys under generation {version}"));
        }

        Console.WriteLine($"Done: every record key is under generation {version}; the older generation is destroyed.");
        return 0;
    }
}
