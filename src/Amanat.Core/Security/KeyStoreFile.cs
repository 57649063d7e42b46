using System.Text.Json;
using System.Text.Json.Serialization;

namespace Amanat.Core.Security;

/// <summary>How the root key is unwrapped at start: from the key file, or from a passphrase typed at unlock.</summary>
public enum UnlockMode
{
    KeyFile,
    Passphrase,
}

/// <summary>
/// <c>keys/keystore.json</c>: everything needed to unwrap the root key, and nothing that opens it without
/// the key file or the passphrase. Written atomically (a temporary file renamed over the old one), owner-only.
/// </summary>
public sealed record KeyStoreFile
{
    public const string FileName = "keystore.json";
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public int Format { get; init; } = 1;

    public UnlockMode Mode { get; init; }

    /// <summary>Argon2id parameters and salt, in passphrase mode.</summary>
    public PassphraseKdf? Passphrase { get; init; }

    /// <summary>The root key, AES-256-GCM under the KEK.</summary>
    public required byte[] WrappedRoot { get; init; }

    /// <summary>Random salt per data-key generation; destroying one destroys that generation's keys.</summary>
    public required Dictionary<int, byte[]> DataKeyGenerations { get; init; }

    /// <summary>Public half of the self-report key pair (SubjectPublicKeyInfo): usable while sealed.</summary>
    public required byte[] SelfReportPublicKey { get; init; }

    /// <summary>Private half (PKCS#8), AES-256-GCM under a key derived from the root.</summary>
    public required byte[] SelfReportPrivateKey { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    /// <summary>Public half of the backup key pair: backups are encrypted to it, even while sealed (null in stores made before backups).</summary>
    public byte[]? BackupPublicKey { get; init; }

    /// <summary>Private half (PKCS#8), AES-256-GCM under a key derived from the root.</summary>
    public byte[]? BackupPrivateKey { get; init; }

    /// <summary>The root key wrapped by the recovery key, whose shares are held by trusted people (null: no shares made).</summary>
    public RecoveryWrap? Recovery { get; init; }

    public static KeyStoreFile? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return JsonSerializer.Deserialize<KeyStoreFile>(File.ReadAllBytes(path), Json)
            ?? throw new InvalidDataException($"The key store {path} is empty or damaged.");
    }

    public void Save(string path)
    {
        var temporary = path + ".new";
        File.Delete(temporary);
        OwnerOnlyFile.Write(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>The recovery key's wrap of the root: which split of shares opens it, and how many are needed.</summary>
public sealed record RecoveryWrap(string SetId, int K, int N, byte[] WrappedRoot, DateTime CreatedAtUtc);

/// <summary>Argon2id parameters, kept with the salt so that a later change of defaults still unlocks.</summary>
public sealed record PassphraseKdf(byte[] Salt, int MemoryKiB, int Iterations, int Parallelism);

/// <summary>Files only the server's user may read.</summary>
public static class OwnerOnlyFile
{
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Overwrites a file with zeros before deleting it (best effort on journaling and flash storage).</summary>
    public static void Destroy(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            // In pieces: a database snapshot may be larger than any one array.
            var zeros = new byte[(int)Math.Min(stream.Length, 1 << 20)];
            for (var left = stream.Length; left > 0; left -= zeros.Length)
            {
                stream.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
            }

            stream.Flush(flushToDisk: true);
        }

        File.Delete(path);
    }
}
