using System.Globalization;

namespace Amanat.Web.Localization;

/// <summary>A language of the interface: its code in URLs (<c>?lang=</c>), culture and own name.</summary>
internal sealed record Language(string Code, string NativeName)
{
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(Code);
}

/// <summary>The four complete languages. Russian is the default: the one most widely read in Kazakhstan.</summary>
internal static class Languages
{
    public const string QueryKey = "lang";

    public static readonly Language Russian = new("ru", "Русский");
    public static readonly Language Kazakh = new("kk", "Қазақша");
    public static readonly Language Uzbek = new("uz", "Oʻzbekcha");
    public static readonly Language English = new("en", "English");

    public static IReadOnlyList<Language> All { get; } = [Russian, Kazakh, Uzbek, English];

    public static Language Default => Russian;

    public static Language? Find(string? code) =>
        All.FirstOrDefault(x => string.Equals(x.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The language of the current request (its UI culture, or that culture's parent).</summary>
    public static Language Current
    {
        get
        {
            for (var culture = CultureInfo.CurrentUICulture; !string.IsNullOrEmpty(culture.Name); culture = culture.Parent)
            {
                var found = Find(culture.Name);
                if (found is not null)
                {
                    return found;
                }
            }

            return Default;
        }
    }
}
