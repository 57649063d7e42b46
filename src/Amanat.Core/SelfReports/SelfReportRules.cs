using Amanat.Core.Members;

namespace Amanat.Core.SelfReports;

/// <summary>One problem with a self-report: the field and a message key.</summary>
public sealed record SelfReportProblem(string Field, string MessageKey);

/// <summary>
/// What a self-report must be: at least one thing that happened (or a story), known codes only, a date
/// not in the future nor absurdly old, short texts, a contact only with a channel that takes one.
/// </summary>
public static class SelfReportRules
{
    public const int MaxStoryLength = 3_000;
    public const int MaxFieldLength = 200;
    public const int MaxDescriptionLength = 500;
    public const int OldestYears = 30;

    public static IReadOnlyList<SelfReportProblem> Check(SelfReportContent content, IReadOnlySet<string> cities, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(cities);
        var problems = new List<SelfReportProblem>();
        if (content.What.Count == 0 && string.IsNullOrWhiteSpace(content.Story))
        {
            problems.Add(new(nameof(content.What), "Report.Error.NothingSaid"));
        }

        if (content.What.Count > SelfReportChoices.What.Count || content.What.Any(w => !SelfReportChoices.What.Contains(w)))
        {
            problems.Add(new(nameof(content.What), "Report.Error.Choice"));
        }

        if (content.When is { } when && (when > today || when < today.AddYears(-OldestYears)))
        {
            problems.Add(new(nameof(content.When), "Report.Error.When"));
        }

        if (content.CityCode is { } city && !cities.Contains(city))
        {
            problems.Add(new(nameof(content.CityCode), "Report.Error.Choice"));
        }

        if (content.Who is { } who && !SelfReportChoices.Who.Contains(who))
        {
            problems.Add(new(nameof(content.Who), "Report.Error.Choice"));
        }

        if (content.Needs.Count > SelfReportChoices.Needs.Count || content.Needs.Any(n => !SelfReportChoices.Needs.Contains(n))
            || (content.Needs.Contains(SelfReportChoices.NothingNeeded) && content.Needs.Count > 1))
        {
            problems.Add(new(nameof(content.Needs), "Report.Error.Needs"));
        }

        if (content.Consents.Count > SelfReportChoices.Scopes.Count || content.Consents.Keys.Any(k => !SelfReportChoices.Scopes.Contains(k)))
        {
            problems.Add(new(nameof(content.Consents), "Report.Error.Choice"));
        }

        if (content.ContactChannel is { } channel && !SelfReportChoices.Channels.Contains(channel))
        {
            problems.Add(new(nameof(content.ContactChannel), "Report.Error.Choice"));
        }

        var needsContact = content.ContactChannel is ContactChannel.Phone or ContactChannel.Telegram or ContactChannel.WhatsApp;
        if (needsContact && string.IsNullOrWhiteSpace(content.Contact))
        {
            problems.Add(new(nameof(content.Contact), "Report.Error.ContactMissing"));
        }

        if (!needsContact && !string.IsNullOrWhiteSpace(content.Contact))
        {
            problems.Add(new(nameof(content.ContactChannel), "Report.Error.ChannelMissing"));
        }

        if (!Languages.Contains(content.Language))
        {
            problems.Add(new(nameof(content.Language), "Report.Error.Choice"));
        }

        Text(problems, nameof(content.Story), content.Story, MaxStoryLength);
        Text(problems, nameof(content.Description), content.Description, MaxDescriptionLength);
        Text(problems, nameof(content.Phone), content.Phone, MaxFieldLength);
        Text(problems, nameof(content.Plate), content.Plate, MaxFieldLength);
        Text(problems, nameof(content.Name), content.Name, MaxFieldLength);
        Text(problems, nameof(content.Unit), content.Unit, MaxFieldLength);
        Text(problems, nameof(content.Contact), content.Contact, MaxFieldLength);
        return problems;
    }

    private static readonly HashSet<string> Languages = ["ru", "kk", "uz", "en"];

    private static void Text(List<SelfReportProblem> problems, string field, string? value, int max)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > max)
        {
            problems.Add(new(field, "Report.Error.TooLong"));
        }
        else if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            problems.Add(new(field, "Report.Error.Characters"));
        }
    }
}
