using Amanat.Core.Common;

namespace Amanat.Core.Vocabularies;

/// <summary>
/// The lists whose codes are stored in records and counted in statistics. Which lists exist is code (the
/// features depend on them); what is in them is data that coordinators and administrators edit.
/// </summary>
public enum VocabularyKind
{
    Violation,
    Perpetrator,
    Involvement,
    Reliability,
    Place,
    City,
    Station,
    Response,
    Consent,
    Complaint,
    Outcome,
    Source,
    Nationality,
}

/// <summary>
/// One code of a list, with its label in the four languages. A code never changes and is never deleted:
/// retiring it hides it from new records while old records still show its label.
/// </summary>
public sealed class VocabularyEntry : Entity
{
    public const int MaxCodeLength = 32;
    public const int MaxLabelLength = 200;

    private VocabularyEntry()
    {
    }

    public VocabularyEntry(VocabularyKind kind, string code, VocabularyLabels labels, string? parentCode = null, int sortOrder = 0)
    {
        Kind = kind;
        Code = ValidCode(code);
        SetLabels(labels);
        ParentCode = string.IsNullOrWhiteSpace(parentCode) ? null : ValidCode(parentCode);
        SortOrder = sortOrder;
    }

    public VocabularyKind Kind { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string LabelEn { get; private set; } = string.Empty;

    public string LabelRu { get; private set; } = string.Empty;

    public string LabelKk { get; private set; } = string.Empty;

    public string LabelUz { get; private set; } = string.Empty;

    /// <summary>For a station or unit: the code of its city.</summary>
    public string? ParentCode { get; private set; }

    public int SortOrder { get; private set; }

    public DateTime? RetiredAtUtc { get; private set; }

    public bool IsRetired => RetiredAtUtc is not null;

    public VocabularyLabels Labels => new(LabelEn, LabelRu, LabelKk, LabelUz);

    /// <summary>The label in a language ("ru", "kk", "uz", "en"); a missing translation falls back to Russian, then English.</summary>
    public string Label(string language) => language switch
    {
        "kk" when LabelKk.Length > 0 => LabelKk,
        "uz" when LabelUz.Length > 0 => LabelUz,
        "en" when LabelEn.Length > 0 => LabelEn,
        _ => LabelRu.Length > 0 ? LabelRu : LabelEn,
    };

    public void SetLabels(VocabularyLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (string.IsNullOrWhiteSpace(labels.Ru) && string.IsNullOrWhiteSpace(labels.En))
        {
            throw new DomainException("Vocabulary.Error.LabelRequired");
        }

        LabelEn = Trimmed(labels.En);
        LabelRu = Trimmed(labels.Ru);
        LabelKk = Trimmed(labels.Kk);
        LabelUz = Trimmed(labels.Uz);
    }

    public void Retire(DateTime nowUtc) => RetiredAtUtc ??= UtcTime.Require(nowUtc, nameof(nowUtc));

    public void Restore() => RetiredAtUtc = null;

    /// <summary>Codes are short, upper-case Latin letters, digits and dashes: stable identifiers for statistics and exports.</summary>
    public static bool IsValidCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= MaxCodeLength && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');

    private static string ValidCode(string code) =>
        IsValidCode(code?.Trim()) ? code!.Trim() : throw new DomainException("Vocabulary.Error.Code");

    private static string Trimmed(string? label)
    {
        var value = label?.Trim() ?? string.Empty;
        return value.Length <= MaxLabelLength ? value : throw new DomainException("Validation.TooLong");
    }
}

public sealed record VocabularyLabels(string? En, string? Ru, string? Kk, string? Uz);
