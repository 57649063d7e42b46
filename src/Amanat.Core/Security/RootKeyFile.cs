using System.Security.Cryptography;

namespace Amanat.Core.Security;

/// <summary>
/// Interim storage of the root key: 32 random bytes in an owner-only file in the data directory.
/// Foundation III replaces this with a key file or passphrase (Argon2id) that wraps the root key.
/// </summary>
public static class RootKeyFile
{
    public static byte[] LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            return existing.Length == KeyRing.KeySize
                ? existing
                : throw new InvalidDataException($"The key file {path} is damaged: it must hold exactly {KeyRing.KeySize} bytes.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(KeyRing.KeySize);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(key);
            stream.Flush(flushToDisk: true);
        }

        return key;
    }
}
