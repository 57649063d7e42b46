namespace Amanat.Core.Attachments;

/// <summary>The kinds of evidence file accepted, told apart by their first bytes, never by their name.</summary>
public enum FileType
{
    Unknown = 0,
    Jpeg,
    Png,
    Heic,
    Pdf,
}

public static class FileTypes
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeaderLength = 16;

    public static FileType Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return FileType.Jpeg;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return FileType.Png;
        }

        if (header.StartsWith("%PDF-"u8))
        {
            return FileType.Pdf;
        }

        // ISO base media: a box of type "ftyp" at offset 4, then the major brand.
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = header[8..12];
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8) || brand.SequenceEqual("heim"u8) || brand.SequenceEqual("heis"u8))
            {
                return FileType.Heic;
            }
        }

        return FileType.Unknown;
    }

    public static string MediaType(FileType type) => type switch
    {
        FileType.Jpeg => "image/jpeg",
        FileType.Png => "image/png",
        FileType.Heic => "image/heic",
        FileType.Pdf => "application/pdf",
        _ => "application/octet-stream",
    };

    public static string Extension(FileType type) => type switch
    {
        FileType.Jpeg => ".jpg",
        FileType.Png => ".png",
        FileType.Heic => ".heic",
        FileType.Pdf => ".pdf",
        _ => ".bin",
    };
}

/// <summary>
/// The pixel size an image claims in its header, read without decoding anything — so that a small file
/// claiming a huge image (a decompression bomb) can be refused before any decoder allocates it.
/// </summary>
public static class ImageHeader
{
    public static (int Width, int Height)? Size(ReadOnlySpan<byte> file, FileType type) => type switch
    {
        FileType.Png when file.Length >= 24 && file[12..16].SequenceEqual("IHDR"u8) =>
            (BigEndian(file[16..20]), BigEndian(file[20..24])),
        FileType.Jpeg => JpegSize(file),
        _ => null,
    };

    private static (int, int)? JpegSize(ReadOnlySpan<byte> file)
    {
        var i = 2;
        while (i + 9 < file.Length && file[i] == 0xFF)
        {
            var marker = file[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            var length = (file[i + 2] << 8) | file[i + 3];
            // Start-of-frame markers (not DHT C4, JPG C8 or DAC CC) hold the height and width.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return ((file[i + 7] << 8) | file[i + 8], (file[i + 5] << 8) | file[i + 6]);
            }

            if (marker == 0xDA || length < 2)
            {
                return null;
            }

            i += 2 + length;
        }

        return null;
    }

    private static int BigEndian(ReadOnlySpan<byte> b) => (int)Math.Min(int.MaxValue, ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3]);
}
