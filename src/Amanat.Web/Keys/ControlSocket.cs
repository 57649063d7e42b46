using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Amanat.Core.Auditing;
using Amanat.Core.Security;
using Amanat.Web.Infrastructure;

namespace Amanat.Web.Keys;

/// <summary>
/// The owner-only Unix domain socket (<c>control.sock</c> in the data directory) through which CLI commands
/// reach the running server's in-memory keys: <c>seal</c>, <c>unseal</c>, <c>status</c>, <c>rotate</c>
/// and <c>rotation</c> (progress: version, left, total, still running). One JSON line each way.
/// </summary>
internal sealed class ControlSocket(DataDirectory data, Sealing sealing, KeyVault vault, KeyRotation rotation, ILogger<ControlSocket> logger) : BackgroundService
{
    public const string FileName = "control.sock";
    private const int MaxRequestLength = 4096;

    public static string PathIn(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Combine(FileName);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = PathIn(data);
        if (await ControlClient.IsAnsweringAsync(path))
        {
            logger.LogWarning("Another Amanat server answers on this data directory's control socket; this one will not listen.");
            return;
        }

        File.Delete(path);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            // The data directory is owner-only (0700), so the socket is unreachable to others even before the chmod below.
            listener.Bind(new UnixDomainSocketEndPoint(path));
        }
        catch (Exception error) when (error is SocketException or ArgumentOutOfRangeException or IOException)
        {
            // Unix socket paths are limited to about 100 bytes. The server runs on; only seal/unseal from the CLI are unavailable.
            logger.LogError("The control socket could not be opened ({Error}); the seal and unseal commands will not reach this server. Use a shorter data directory path.", error.GetType().Name);
            return;
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        listener.Listen(4);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptAsync(stoppingToken);
                _ = Task.Run(() => ServeAsync(client, stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        using (client)
        await using (var stream = new NetworkStream(client, ownsSocket: false))
        {
            ControlReply reply;
            try
            {
                var line = await ReadLineAsync(stream, cancellationToken);
                var request = line is null ? null : JsonSerializer.Deserialize<ControlRequest>(line, ControlClient.Json);
                reply = request is null ? new ControlReply(false, "Empty request.") : await HandleAsync(request);
            }
            catch (JsonException)
            {
                reply = new ControlReply(false, "Malformed request.");
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(reply, ControlClient.Json) + "\n"), cancellationToken);
        }
    }

    private async Task<ControlReply> HandleAsync(ControlRequest request)
    {
        switch (request.Command)
        {
            case "status":
                return new ControlReply(true, vault.IsSealed ? "sealed" : "unsealed");
            case "seal":
                await sealing.SealAsync(AuditSource.Cli());
                return new ControlReply(true, "Sealed: every session ended; the keys are no longer in memory.");
            case "unseal":
                var result = vault.Mode == UnlockMode.KeyFile
                    ? await sealing.UnsealWithKeyFileAsync(AuditSource.Cli())
                    : await sealing.UnsealAsync(request.Passphrase ?? string.Empty, AuditSource.Cli(), webAddress: null);
                return result.Outcome switch
                {
                    UnsealOutcome.Unsealed => new ControlReply(true, "Unsealed."),
                    UnsealOutcome.AlreadyUnsealed => new ControlReply(true, "Already unsealed."),
                    UnsealOutcome.Wrong => new ControlReply(false, "Wrong passphrase."),
                    UnsealOutcome.Throttled => new ControlReply(false, $"Too many wrong passphrases: try again in {Math.Ceiling(result.Wait.TotalMinutes)} minutes."),
                    _ => new ControlReply(false, "The key file is missing: put it back at its configured path and try again."),
                };
            case "rotate" when vault.IsSealed:
                return new ControlReply(false, "The server is sealed: unseal it first.");
            case "rotate":
                var version = await rotation.StartAsync(AuditSource.Cli());
                return new ControlReply(true, $"Data-key generation {version} created; record keys are being re-wrapped.");
            case "rotation":
                var progress = await rotation.ProgressAsync();
                return new ControlReply(true, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{progress.Version} {progress.Left} {progress.Total} {(progress.Running ? 1 : 0)}"));
            default:
                return new ControlReply(false, "Unknown command.");
        }
    }

    private static async Task<string?> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestLength];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
            var newline = Array.IndexOf(buffer, (byte)'\n', 0, length);
            if (newline >= 0)
            {
                return Encoding.UTF8.GetString(buffer, 0, newline);
            }
        }

        return length == 0 ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }
}

internal sealed record ControlRequest(string Command, string? Passphrase = null);

internal sealed record ControlReply(bool Ok, string Message);

/// <summary>The CLI's side of the control socket.</summary>
internal static class ControlClient
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<ControlReply?> SendAsync(string socketPath, ControlRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!File.Exists(socketPath))
        {
            return null;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
        }
        catch (SocketException)
        {
            return null;
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, Json) + "\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var line = await reader.ReadLineAsync();
        return line is null ? null : JsonSerializer.Deserialize<ControlReply>(line, Json);
    }

    internal static async Task<bool> IsAnsweringAsync(string socketPath) =>
        await SendAsync(socketPath, new ControlRequest("status")) is not null;
}
