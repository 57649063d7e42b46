using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Amanat.Core.Security;

/// <summary>
/// What a backup says about itself, in the clear: when, from which database, the audit chain's head at that
/// moment, the key store as it was (the root key wrapped by the passphrase, the key file's key or the
/// recovery key — never in the clear), and the backup's own content key sealed to the backup public key.
/// </summary>
public sealed record BackupHeader
{
    public int Format { get; init; } = 1;

    public DateTime CreatedAtUtc { get; init; }

    /// <summary>"Sqlite" or "Postgres".</summary>
    public required string Provider { get; init; }

    public long AuditSequence { get; init; }

    /// <summary>The last audit entry's MAC (hex), printed so that a later cut of the chain shows.</summary>
    public string AuditHead { get; init; } = string.Empty;

    public required KeyStoreFile KeyStore { get; init; }

    /// <summary>The random content key, sealed to the key store's backup public key.</summary>
    public required byte[] WrappedContentKey { get; init; }
}

/// <summary>
/// The backup file: <c>AMANATBK</c>, a version byte, the header's length and JSON, then the payload in
/// chunks of at most 1 MiB, each sealed with AES-256-GCM under the content key with its number, whether it
/// is the last, and the header's hash as associated data — so a changed, reordered, dropped or cut chunk,
/// or a changed header, is found.
/// </summary>
public static class BackupFormat
{
    public const int ChunkSize = 1 << 20;
    public const byte Version = 1;
    private static readonly byte[] Magic = "AMANATBK"u8.ToArray();
    private static readonly byte[] ContentKeyAssociatedData = "amanat:backup-content-key:v1"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>A fresh content key, and the same sealed to the backup public key for the header.</summary>
    public static (byte[] ContentKey, byte[] Wrapped) NewContentKey(byte[] backupPublicKey)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        return (key, SealedBox.Seal(backupPublicKey, key, ContentKeyAssociatedData));
    }

    public static byte[] OpenContentKey(ECDiffieHellman backupPrivateKey, byte[] wrapped) => SealedBox.Open(backupPrivateKey, wrapped, ContentKeyAssociatedData);

    /// <summary>Writes the header and returns the stream into which the payload is written (dispose it to seal the last chunk).</summary>
    public static Stream Begin(Stream output, BackupHeader header, byte[] contentKey)
    {
        ArgumentNullException.ThrowIfNull(output);
        var json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, json.Length);
        output.Write(Magic);
        output.WriteByte(Version);
        output.Write(length);
        output.Write(json);
        return new SealingStream(output, contentKey, SHA256.HashData(json));
    }

    /// <summary>Reads the header (nothing is decrypted yet).</summary>
    public static (BackupHeader Header, byte[] HeaderHash) ReadHeader(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Span<byte> start = stackalloc byte[13];
        input.ReadExactly(start);
        if (!start[..8].SequenceEqual(Magic) || start[8] != Version)
        {
            throw new InvalidDataException("This is not an Amanat backup (or one of a newer version).");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(start[9..]);
        if (length is <= 0 or > 1 << 20)
        {
            throw new InvalidDataException("The backup's header is damaged.");
        }

        var json = new byte[length];
        input.ReadExactly(json);
        var header = JsonSerializer.Deserialize<BackupHeader>(json, Json) ?? throw new InvalidDataException("The backup's header is damaged.");
        return (header, SHA256.HashData(json));
    }

    /// <summary>The payload, decrypted and checked chunk by chunk as it is read.</summary>
    public static Stream Open(Stream input, byte[] contentKey, byte[] headerHash) => new OpeningStream(input, contentKey, headerHash);

    private static void Nonce(Span<byte> nonce, long chunk)
    {
        nonce.Clear();
        BinaryPrimitives.WriteInt64LittleEndian(nonce, chunk);
    }

    private static byte[] AssociatedData(byte[] headerHash, long chunk, bool last)
    {
        var data = new byte[headerHash.Length + 9];
        headerHash.CopyTo(data, 0);
        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(headerHash.Length), chunk);
        data[^1] = last ? (byte)1 : (byte)0;
        return data;
    }

    private sealed class SealingStream(Stream output, byte[] key, byte[] headerHash) : Stream
    {
        private readonly AesGcm aes = new(key, Aead.TagSize);
        private readonly byte[] buffer = new byte[ChunkSize];
        private int filled;
        private long chunk;
        private bool closed;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => !closed;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] data, int offset, int count) => Write(data.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> data)
        {
            ObjectDisposedException.ThrowIf(closed, this);
            while (!data.IsEmpty)
            {
                var take = Math.Min(data.Length, buffer.Length - filled);
                data[..take].CopyTo(buffer.AsSpan(filled));
                filled += take;
                data = data[take..];
                if (filled == buffer.Length)
                {
                    Seal(last: false);
                }
            }
        }

        public override void Flush() => output.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !closed)
            {
                Seal(last: true);
                output.Flush();
                closed = true;
                aes.Dispose();
                CryptographicOperations.ZeroMemory(buffer);
            }

            base.Dispose(disposing);
        }

        private void Seal(bool last)
        {
            Span<byte> nonce = stackalloc byte[Aead.NonceSize];
            Nonce(nonce, chunk);
            var cipher = new byte[filled + Aead.TagSize];
            aes.Encrypt(nonce, buffer.AsSpan(0, filled), cipher.AsSpan(0, filled), cipher.AsSpan(filled), AssociatedData(headerHash, chunk, last));
            Span<byte> frame = stackalloc byte[5];
            BinaryPrimitives.WriteInt32LittleEndian(frame, filled);
            frame[4] = last ? (byte)1 : (byte)0;
            output.Write(frame);
            output.Write(cipher);
            filled = 0;
            chunk++;
        }
    }

    private sealed class OpeningStream(Stream input, byte[] key, byte[] headerHash) : Stream
    {
        private readonly AesGcm aes = new(key, Aead.TagSize);
        private byte[] plain = [];
        private int position;
        private long chunk;
        private bool ended;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (position == plain.Length)
            {
                if (ended)
                {
                    return 0;
                }

                Next();
            }

            var take = Math.Min(buffer.Length, plain.Length - position);
            plain.AsSpan(position, take).CopyTo(buffer);
            position += take;
            return take;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                aes.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Next()
        {
            Span<byte> frame = stackalloc byte[5];
            if (input.ReadAtLeast(frame, 5, throwOnEndOfStream: false) < 5)
            {
                throw new InvalidDataException("The backup is cut short: its last part is missing.");
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(frame);
            var last = frame[4] == 1;
            if (length is < 0 or > ChunkSize)
            {
                throw new InvalidDataException("The backup is damaged.");
            }

            var cipher = new byte[length + Aead.TagSize];
            if (input.ReadAtLeast(cipher, cipher.Length, throwOnEndOfStream: false) < cipher.Length)
            {
                throw new InvalidDataException("The backup is cut short: its last part is missing.");
            }

            Span<byte> nonce = stackalloc byte[Aead.NonceSize];
            Nonce(nonce, chunk);
            plain = new byte[length];
            try
            {
                aes.Decrypt(nonce, cipher.AsSpan(0, length), cipher.AsSpan(length), plain, AssociatedData(headerHash, chunk, last));
            }
            catch (CryptographicException e)
            {
                throw new InvalidDataException("The backup was altered or is damaged (a part does not authenticate).", e);
            }

            position = 0;
            chunk++;
            if (last)
            {
                ended = true;
                if (input.ReadByte() >= 0)
                {
                    throw new InvalidDataException("The backup has data after its end.");
                }
            }
        }
    }
}
