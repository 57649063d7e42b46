using System.Security.Cryptography;
using Amanat.Core.Security;
using BenchmarkDotNet.Attributes;

namespace Amanat.Benchmarks;

/// <summary>
/// The cost per field of what the persistence layer does on every save and load: AES-256-GCM under a
/// record key, unwrapping a record key, and a blind index (HMAC-SHA256 of the normalised value).
/// </summary>
[MemoryDiagnoser]
public class FieldCryptoBenchmarks
{
    private const string WorkingName = "Айгүл из Шымкента";
    private static readonly FieldContext Context = new("Member", "WorkingName", Guid.CreateVersion7());
    private readonly byte[] recordKey = RandomNumberGenerator.GetBytes(KeyRing.KeySize);
    private readonly Guid owner = Guid.CreateVersion7();
    private readonly CaseFoldedText normaliser = new();
    private KeyRing keys = null!;
    private string narrative = string.Empty;
    private string storedName = string.Empty;
    private string storedNarrative = string.Empty;
    private byte[] wrappedRecordKey = [];

    [GlobalSetup]
    public void Setup()
    {
        keys = new KeyRing(RandomNumberGenerator.GetBytes(KeyRing.KeySize), new Dictionary<int, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) });
        // About 2 KB of Cyrillic text: a long incident narrative.
        narrative = string.Concat(Enumerable.Repeat("Её задержали на вокзале для проверки документов и забрали паспорт. ", 18));
        storedName = FieldCipher.Encrypt(recordKey, 1, WorkingName, Context);
        storedNarrative = FieldCipher.Encrypt(recordKey, 1, narrative, Context);
        wrappedRecordKey = Aead.Seal(keys.DataClassKey(DataClasses.Member, 1), recordKey, System.Text.Encoding.UTF8.GetBytes($"record-key|member|{owner:N}"));
    }

    [GlobalCleanup]
    public void Cleanup() => keys.Dispose();

    [Benchmark]
    public string EncryptWorkingName() => FieldCipher.Encrypt(recordKey, 1, WorkingName, Context);

    [Benchmark]
    public string DecryptWorkingName() => FieldCipher.Decrypt(recordKey, storedName, Context);

    [Benchmark]
    public string EncryptNarrative2KB() => FieldCipher.Encrypt(recordKey, 1, narrative, Context);

    [Benchmark]
    public string DecryptNarrative2KB() => FieldCipher.Decrypt(recordKey, storedNarrative, Context);

    [Benchmark]
    public byte[]? BlindIndexOfName() => BlindIndex.Compute(keys, normaliser, WorkingName);

    [Benchmark]
    public byte[] UnwrapRecordKey()
    {
        var wrappingKey = keys.DataClassKey(DataClasses.Member, 1);
        return Aead.Open(wrappingKey, wrappedRecordKey, System.Text.Encoding.UTF8.GetBytes($"record-key|member|{owner:N}"));
    }
}

/// <summary>Deriving the key-encryption key from a passphrase (Argon2id, 64 MiB, 3 passes, 2 lanes): the cost of one unlock attempt.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class UnlockBenchmarks
{
    private readonly PassphraseKdf kdf = KeyEncryptionKey.NewPassphraseKdf();

    [Benchmark]
    public byte[] Argon2idPassphrase() => KeyEncryptionKey.FromPassphrase("river stone lantern morning", kdf);
}
