using SkiaSharp;

namespace Amanat.Web.Features.Attachments;

internal sealed record ImageLimits(long MaxPixels, int MaxSide, int ViewSide, int ThumbSide);

/// <summary>What became of an image: a viewing copy and a thumbnail (JPEG, no metadata), or why not.</summary>
internal sealed record ViewingCopyResult(byte[]? View, byte[]? Thumbnail, int Width, int Height, string? RefusedKey)
{
    public static ViewingCopyResult Refused(string key) => new(null, null, 0, 0, key);
}

/// <summary>
/// Re-encodes an uploaded image so that nothing but pixels leaves it: EXIF (GPS, camera, time), XMP and
/// maker notes are dropped because the copy is drawn from decoded pixels into a new JPEG. The EXIF
/// orientation is applied first, so the copy stands the right way up. The pixel size is read from the
/// header and checked before anything is decoded, so a small file that claims a huge image (a
/// decompression bomb) is refused without allocating it; large photos are decoded at a reduced scale.
/// </summary>
internal static class ViewingCopy
{
    private const int Quality = 82;

    public static ViewingCopyResult Make(byte[] original, Amanat.Core.Attachments.FileType type, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(limits);
        if (Amanat.Core.Attachments.ImageHeader.Size(original, type) is { } claimed && !Fits(claimed.Width, claimed.Height, limits))
        {
            return ViewingCopyResult.Refused("Attachment.Error.TooManyPixels");
        }

        using var data = SKData.CreateCopy(original);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return ViewingCopyResult.Refused("Attachment.Error.Unreadable");
        }

        var info = codec.Info;
        if (!Fits(info.Width, info.Height, limits))
        {
            return ViewingCopyResult.Refused("Attachment.Error.TooManyPixels");
        }

        // Decode at the smallest scale the codec offers that still covers the viewing size.
        var scale = Math.Min(1f, (float)limits.ViewSide / Math.Max(info.Width, info.Height));
        var size = codec.GetScaledDimensions(scale);
        using var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return ViewingCopyResult.Refused("Attachment.Error.Unreadable");
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var view = Fit(upright, limits.ViewSide);
        using var thumb = Fit(upright, limits.ThumbSide);
        return new ViewingCopyResult(Jpeg(view), Jpeg(thumb), view.Width, view.Height, null);
    }

    private static bool Fits(int width, int height, ImageLimits limits) =>
        width > 0 && height > 0 && width <= limits.MaxSide && height <= limits.MaxSide && (long)width * height <= limits.MaxPixels;

    /// <summary>Draws the pixels the way the camera's orientation tag says they should be seen.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (source.Height, source.Width) : (source.Width, source.Height);
        var target = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.White);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, w / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, w / 2f, h / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); canvas.Scale(1, -1, 0, source.Height / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(0, h); canvas.RotateDegrees(270); canvas.Scale(1, -1, 0, source.Height / 2f); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(270); break;
            default: break;
        }

        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return target;
    }

    private static SKBitmap Fit(SKBitmap source, int side)
    {
        var scale = Math.Min(1f, (float)side / Math.Max(source.Width, source.Height));
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul);
        return source.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)) ?? throw new InvalidOperationException("Resize failed.");
    }

    private static byte[] Jpeg(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return encoded.ToArray();
    }
}
