using System.Security.Cryptography;
using System.Text;

namespace Amanat.Core.Security;

/// <summary>
/// The unsealed root key, in memory only, and every key derived from it with HKDF-SHA256
/// (<c>info = "amanat:{purpose}:v{version}"</c>). Data-class keys also take the random salt of their
/// generation, so destroying a generation's salt destroys that generation's keys. See <c>README.md</c>.
/// </summary>
public sealed class KeyRing : IDisposable
{
    public const int KeySize = 32;

    private readonly byte[] root;
    private readonly Dictionary<int, byte[]> generations;
    private readonly Dictionary<string, byte[]> derived = new(StringComparer.Ordinal);
    private bool disposed;

    public KeyRing(ReadOnlySpan<byte> rootKey, IReadOnlyDictionary<int, byte[]>? dataGenerations = null)
    {
        if (rootKey.Length != KeySize)
        {
            throw new ArgumentException("The root key must be 256 bits.", nameof(rootKey));
        }

        root = rootKey.ToArray();
        generations = dataGenerations?.ToDictionary(x => x.Key, x => x.Value.ToArray()) ?? new Dictionary<int, byte[]> { [1] = [] };
    }

    /// <summary>The version of the data-class keys that wraps new record keys: the newest generation.</summary>
    public int CurrentDataVersion
    {
        get
        {
            lock (root)
            {
                return generations.Keys.Max();
            }
        }
    }

    /// <summary>The data-key generations still held (the current one and any still being rotated away from).</summary>
    public IReadOnlyList<int> DataVersions
    {
        get
        {
            lock (root)
            {
                return [.. generations.Keys.Order()];
            }
        }
    }

    /// <summary>Adds a newer generation of data-class keys (rotation): new record keys are wrapped by it from now on.</summary>
    public void AddGeneration(int version, ReadOnlySpan<byte> salt)
    {
        lock (root)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (version <= generations.Keys.Max())
            {
                throw new ArgumentOutOfRangeException(nameof(version), "A new generation must be newer than every one held.");
            }

            generations[version] = salt.ToArray();
        }
    }

    /// <summary>Forgets an older generation: its salt and every key derived from it are zeroed.</summary>
    public void RemoveGeneration(int version)
    {
        lock (root)
        {
            if (version == generations.Keys.Max() || !generations.Remove(version, out var salt))
            {
                return;
            }

            CryptographicOperations.ZeroMemory(salt);
            var suffix = $":v{version}";
            foreach (var label in derived.Keys.Where(l => l.StartsWith("amanat:data:", StringComparison.Ordinal) && l.EndsWith(suffix, StringComparison.Ordinal)).ToList())
            {
                CryptographicOperations.ZeroMemory(derived[label]);
                derived.Remove(label);
            }
        }
    }

    /// <summary>A 256-bit key for one purpose and version, e.g. ("index:phone", 1).</summary>
    public byte[] Derive(string purpose, int version) => Derive(purpose, version, []);

    /// <summary>The key of one class of data ("member", "incident", "staff"…) in one generation.</summary>
    public byte[] DataClassKey(string dataClass, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataClass);
        byte[]? salt;
        lock (root)
        {
            salt = generations.GetValueOrDefault(version)?.ToArray();
        }

        return salt is not null
            ? Derive("data:" + dataClass, version, salt)
            : throw new CryptographicException($"Data key generation {version} is not available.");
    }

    /// <summary>Wraps the root key under a key-encryption key, for the key store.</summary>
    public byte[] WrapRoot(ReadOnlySpan<byte> kek)
    {
        lock (root)
        {
            return disposed ? throw new SealedException() : Aead.Seal(kek, root, RootAssociatedData);
        }
    }

    public static byte[] UnwrapRoot(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> wrapped) => Aead.Open(kek, wrapped, RootAssociatedData);

    /// <summary>Zeroes the root key. Any later use throws <see cref="SealedException"/>, never derives from zeros.</summary>
    public void Dispose()
    {
        lock (root)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            CryptographicOperations.ZeroMemory(root);
            foreach (var key in generations.Values.Concat(derived.Values))
            {
                CryptographicOperations.ZeroMemory(key);
            }

            derived.Clear();
        }
    }

    private static ReadOnlySpan<byte> RootAssociatedData => "amanat:root-key:v1"u8;

    private byte[] Derive(string purpose, int version, byte[] salt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        var label = $"amanat:{purpose}:v{version}";
        lock (root)
        {
            if (disposed)
            {
                throw new SealedException();
            }

            if (!derived.TryGetValue(label, out var key))
            {
                key = new byte[KeySize];
                HKDF.DeriveKey(HashAlgorithmName.SHA256, root, key, salt, Encoding.UTF8.GetBytes(label));
                derived[label] = key;
            }

            // A copy: callers may zero what they were given.
            return key.ToArray();
        }
    }
}

/// <summary>The keys are not in memory: the server is sealed until an administrator unlocks it.</summary>
public sealed class SealedException : InvalidOperationException
{
    public SealedException()
        : base("Amanat is sealed: the keys are not in memory until an administrator unlocks it.")
    {
    }

    public SealedException(string message)
        : base(message)
    {
    }

    public SealedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
