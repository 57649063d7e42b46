using Amanat.Core.Attachments;

namespace Amanat.Core.Tests.Attachments;

public class FileTypeTests
{
    public static TheoryData<byte[], FileType> Headers => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], FileType.Jpeg },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], FileType.Png },
        { [.. "%PDF-1.7\n"u8], FileType.Pdf },
        { [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0], FileType.Heic },
        { [0, 0, 0, 0x18, .. "ftypmif1"u8, 0, 0, 0, 0], FileType.Heic },
        { [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 0, 0], FileType.Unknown }, // an MP4 video
        { [.. "PK\u0003\u0004"u8], FileType.Unknown },
        { [.. "<html>"u8], FileType.Unknown },
        { [0xFF, 0xD8], FileType.Unknown },
        { [], FileType.Unknown },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void TheContentDecides(byte[] header, FileType expected) => Assert.Equal(expected, FileTypes.Detect(header));

    [Fact]
    public void ThePixelSizeIsReadFromTheHeader_WithoutDecoding()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0x75, 0x30, 0, 0, 0x4E, 0x20, 8, 2, 0, 0, 0];
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 17, 8, 0x01, 0x00, 0x02, 0x00, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.Equal((30000, 20000), ImageHeader.Size(png, FileType.Png));
        Assert.Equal((512, 256), ImageHeader.Size(jpeg, FileType.Jpeg));
        Assert.Null(ImageHeader.Size([0xFF, 0xD8, 0xFF, 0xDA, 0, 2, 0, 0, 0, 0, 0], FileType.Jpeg));
        Assert.Null(ImageHeader.Size(png.AsSpan(0, 20), FileType.Png));
    }
}
