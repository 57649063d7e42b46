using PdfSharp.Fonts;

namespace Amanat.Web.Features.Statistics;

/// <summary>
/// Serves DejaVu Sans (regular and bold, embedded in this assembly) to PDFsharp, whose Core build finds no
/// fonts on its own. Every family asked for gets DejaVu Sans, so that no request can fail for want of a font;
/// bold comes from the bold file, never simulated. PDFsharp holds one resolver for the whole process and
/// refuses another once fonts were used: <see cref="EnsureInstalled"/> sets this one, once, before any font.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    /// <summary>The family name to use in an XFont.</summary>
    public const string Family = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly PdfFonts Instance = new();
    private static readonly Lock Gate = new();
    private static volatile bool installed;

    private static readonly Lazy<byte[]> Regular = new(() => Load(RegularFace + ".ttf"));
    private static readonly Lazy<byte[]> Bold = new(() => Load(BoldFace + ".ttf"));

    private PdfFonts()
    {
    }

    /// <summary>Makes this the process's font resolver; safe to call from anywhere, any number of times, at once.</summary>
    public static void EnsureInstalled()
    {
        if (installed)
        {
            return;
        }

        lock (Gate)
        {
            if (!installed)
            {
                GlobalFontSettings.FontResolver = Instance;
                installed = true;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, false, italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => Regular.Value,
        BoldFace => Bold.Value,
        _ => null,
    };

    private static byte[] Load(string file)
    {
        var assembly = typeof(PdfFonts).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(".Fonts." + file, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The font {file} is not embedded in {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
