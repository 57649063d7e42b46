using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Amanat.Web.Tests.Localization;

/// <summary>
/// Every interface string must exist, non-empty, in English, Russian, Kazakh and Uzbek; and every key
/// the pages use must exist. A missing translation would silently show English (or the key).
/// </summary>
public sealed partial class TranslationCompletenessTests
{
    private static readonly string[] Translations = ["ru", "kk", "uz"];

    public static TheoryData<string> ResourceFiles => [.. NeutralFiles().Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void EveryKey_HasANonEmptyValue_InEveryLanguage(string fileName)
    {
        var neutralPath = Path.Combine(ResourcesFolder, fileName);
        var neutral = Read(neutralPath);
        Assert.NotEmpty(neutral);
        var problems = new List<string>();
        problems.AddRange(neutral.Where(x => string.IsNullOrWhiteSpace(x.Value)).Select(x => $"en: '{x.Key}' is empty"));

        foreach (var language in Translations)
        {
            var path = Path.ChangeExtension(neutralPath, null) + $".{language}.resx";
            if (!File.Exists(path))
            {
                problems.Add($"{language}: {Path.GetFileName(path)} is missing");
                continue;
            }

            var translated = Read(path);
            problems.AddRange(neutral.Keys.Except(translated.Keys).Select(k => $"{language}: '{k}' is missing"));
            problems.AddRange(translated.Keys.Except(neutral.Keys).Select(k => $"{language}: '{k}' is not in the English file"));
            problems.AddRange(translated.Where(x => string.IsNullOrWhiteSpace(x.Value)).Select(x => $"{language}: '{x.Key}' is empty"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryKeyUsedInPages_Exists()
    {
        var known = NeutralFiles().SelectMany(f => Read(f).Keys).ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(WebProjectFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();

        Assert.NotEmpty(used);
        var unknown = used.Where(x => !known.Contains(x.Key)).Select(x => $"{x.File}: '{x.Key}'").Distinct().ToList();
        Assert.True(unknown.Count == 0, "Keys without a string: " + string.Join(", ", unknown));
    }

    [Fact]
    public void NoStigmatisingWord_AppearsInAnyLanguage()
    {
        string[] banned = ["проститут", "путана", "жезөкше", "fohisha", "commercial sex", "ночная бабочка", "yengil tabiatli"];
        var values = NeutralFiles()
            .SelectMany(f => Translations.Select(l => Path.ChangeExtension(f, null) + $".{l}.resx").Append(f))
            .Where(File.Exists)
            .SelectMany(f => Read(f).Values);

        Assert.All(values, value => Assert.DoesNotContain(banned, word => value.Contains(word, StringComparison.OrdinalIgnoreCase)));
    }

    private static string WebProjectFolder => Path.Combine(RepositoryRoot(), "src", "Amanat.Web");

    private static string ResourcesFolder => Path.Combine(WebProjectFolder, "Resources");

    private static IEnumerable<string> NeutralFiles() =>
        Directory.EnumerateFiles(ResourcesFolder, "*.resx").Where(f => Path.GetFileNameWithoutExtension(f).IndexOf('.', StringComparison.Ordinal) < 0);

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(x => (string)x.Attribute("name")!, x => (string?)x.Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Amanat.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Amanat.slnx not found above the test binaries.");
    }

    /// <summary>Literal keys: T["Key"], localizer["Key"], and key-shaped literals such as "Home.Report".</summary>
    [GeneratedRegex("(?:\\b(?:T|localizer|Localizer)\\[\"(?<key>[^\"]+)\"\\])|(?:\"(?<key>(?:Site|Layout|Home|Status|Error)\\.[A-Za-z0-9]+)\")")]
    private static partial Regex KeyUse();
}
