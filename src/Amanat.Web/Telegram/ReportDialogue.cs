using System.Collections.Concurrent;
using Amanat.Core.Members;
using Amanat.Core.SelfReports;

namespace Amanat.Web.Telegram;

/// <summary>The questions of the bot's report, in order.</summary>
internal enum ReportStep
{
    What,
    When,
    City,
    Who,
    Identifier,
    Story,
    Needs,
    Contact,
    ContactValue,
    Consents,
    Confirm,
}

/// <summary>
/// A report she is giving the bot, question by question. It lives only in the server's memory — never in
/// the database, so it needs no key and works while the server is sealed — until she sends it (then it is
/// sealed like a web report), cancels it, asks the bot to forget her, or leaves it for an hour.
/// </summary>
internal sealed class ReportDialogue(string language, DateTime nowUtc)
{
    public string Language { get; } = language;

    public ReportStep Step { get; set; } = ReportStep.What;

    public HashSet<string> What { get; } = [];

    public DateOnly? When { get; set; }

    public string? CityCode { get; set; }

    public string? Who { get; set; }

    public string? Phone { get; set; }

    public string? Plate { get; set; }

    public string? Story { get; set; }

    public HashSet<string> Needs { get; } = [];

    public ContactChannel? Channel { get; set; }

    public string? Contact { get; set; }

    public HashSet<string> Consents { get; } = [];

    /// <summary>Every message of the dialogue, hers and the bot's: deleted from the chat when it ends.</summary>
    public List<int> Messages { get; } = [];

    public DateTime TouchedAtUtc { get; set; } = nowUtc;

    public SelfReportContent ToContent() => new()
    {
        Language = Language,
        What = [.. SelfReportChoices.What.Where(What.Contains)],
        When = When,
        CityCode = CityCode,
        Who = Who,
        Phone = Phone,
        Plate = Plate,
        Story = Story,
        Needs = [.. SelfReportChoices.Needs.Where(Needs.Contains)],
        ContactChannel = Channel,
        Contact = Contact,
        Consents = SelfReportChoices.Scopes.ToDictionary(s => s, Consents.Contains),
    };
}

/// <summary>The reports being given in the bot's chats, in memory only, forgotten after an hour without an answer.</summary>
internal sealed class ReportDialogues(TimeProvider clock)
{
    public static readonly TimeSpan Idle = TimeSpan.FromHours(1);

    /// <summary>So that a flood of chats cannot exhaust the memory: the oldest dialogues give way.</summary>
    public const int MaxOpen = 5_000;

    private readonly ConcurrentDictionary<long, ReportDialogue> open = new();

    public int Count => open.Count;

    public ReportDialogue? Find(long chatId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!open.TryGetValue(chatId, out var dialogue))
        {
            return null;
        }

        if (now - dialogue.TouchedAtUtc > Idle)
        {
            open.TryRemove(chatId, out _);
            return null;
        }

        dialogue.TouchedAtUtc = now;
        return dialogue;
    }

    public ReportDialogue Start(long chatId, string language)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (id, _) in open.Where(d => now - d.Value.TouchedAtUtc > Idle))
        {
            open.TryRemove(id, out _);
        }

        foreach (var (id, _) in open.OrderBy(d => d.Value.TouchedAtUtc).Take(open.Count - MaxOpen + 1))
        {
            open.TryRemove(id, out _);
        }

        return open[chatId] = new ReportDialogue(language, now);
    }

    public ReportDialogue? Remove(long chatId) => open.TryRemove(chatId, out var dialogue) ? dialogue : null;
}
