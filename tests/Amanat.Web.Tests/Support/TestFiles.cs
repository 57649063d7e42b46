using System.Text;
using SkiaSharp;

namespace Amanat.Web.Tests.Support;

/// <summary>Evidence files made for tests: a photo with EXIF (orientation, description, GPS), a PNG header that claims a huge image, a small PDF.</summary>
public static class TestFiles
{
    /// <summary>A JPEG (left half red, right half blue) with an EXIF block: orientation, a description and a GPS position.</summary>
    public static byte[] JpegWithExif(int width, int height, int orientation, string description)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Red);
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        var text = Encoding.ASCII.GetBytes(description + "\0");
        using var tiff = new MemoryStream();
        using (var w = new BinaryWriter(tiff))
        {
            w.Write("II"u8); w.Write((ushort)42); w.Write(8u);
            w.Write((ushort)3); // IFD0: description, orientation, GPS pointer
            w.Write((ushort)0x010E); w.Write((ushort)2); w.Write((uint)text.Length); w.Write(104u);
            w.Write((ushort)0x0112); w.Write((ushort)3); w.Write(1u); w.Write((ushort)orientation); w.Write((ushort)0);
            w.Write((ushort)0x8825); w.Write((ushort)4); w.Write(1u); w.Write(50u);
            w.Write(0u);
            w.Write((ushort)2); // GPS IFD at 50: latitude reference and latitude
            w.Write((ushort)0x0001); w.Write((ushort)2); w.Write(2u); w.Write("N\0\0\0"u8);
            w.Write((ushort)0x0002); w.Write((ushort)5); w.Write(3u); w.Write(80u);
            w.Write(0u);
            foreach (var (n, d) in new[] { (43u, 1u), (15u, 1u), (2350u, 100u) })
            {
                w.Write(n); w.Write(d);
            }

            w.Write(text);
        }

        var exif = "Exif\0\0"u8.ToArray().Concat(tiff.ToArray()).ToArray();
        var length = exif.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>Whether a JPEG has a segment with this marker before its image data.</summary>
    public static bool HasSegment(byte[] jpeg, byte marker)
    {
        for (var i = 2; i + 4 <= jpeg.Length && jpeg[i] == 0xFF && jpeg[i + 1] != 0xDA; i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]))
        {
            if (jpeg[i + 1] == marker)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A valid PNG header claiming a huge image, with no pixel data behind it: a few dozen bytes.</summary>
    public static byte[] PngHeader(int width, int height)
    {
        byte[] header = [.. "IHDR"u8, (byte)(width >> 24), (byte)(width >> 16), (byte)(width >> 8), (byte)width, (byte)(height >> 24), (byte)(height >> 16), (byte)(height >> 8), (byte)height, 8, 2, 0, 0, 0];
        var crc = Crc32(header);
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. header, (byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc, 0, 0, 0, 0, .. "IEND"u8, 0xAE, 0x42, 0x60, 0x82];
    }

    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>A small, well-formed PDF with one line of text and a document-information author.</summary>
    public static byte[] Pdf(string text) => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >> endobj\n"
        + $"4 0 obj << /Length {text.Length + 30} >> stream\nBT /F1 12 Tf 10 50 Td ({text}) Tj ET\nendstream endobj\n"
        + $"5 0 obj << /Author ({text}) >> endobj\ntrailer << /Root 1 0 R /Info 5 0 R >>\n%%EOF\n");
}
