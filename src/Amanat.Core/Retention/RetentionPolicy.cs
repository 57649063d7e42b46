using Amanat.Core.Common;

namespace Amanat.Core.Retention;

/// <summary>The kinds of data an administrator sets a keeping period for. The numbers are stored: never renumber.</summary>
public enum RetentionKind
{
    /// <summary>The stories and notes of closed incidents, counted from their last change.</summary>
    Narratives = 1,

    /// <summary>Evidence files of closed incidents, counted from their upload.</summary>
    Attachments = 2,

    /// <summary>Members with no contact (no service, referral, incident, document or movement), counted from the last one.</summary>
    InactiveMembers = 3,

    /// <summary>Self-reports nobody has reviewed, counted from their arrival.</summary>
    UnreviewedSelfReports = 4,

    /// <summary>Chats with the community bot, counted from the person's last message.</summary>
    BotChats = 5,

    /// <summary>Who, what and from where in audit entries, counted from the entry; type, time and value stay.</summary>
    AuditDetail = 6,
}

/// <summary>
/// How long one kind of data is kept: a number of days after which the daily retention job deletes it, or
/// 0 for "kept until someone deletes it". A row exists only once an administrator changed the default.
/// </summary>
public sealed class RetentionPolicy
{
    public const int Keep = 0;
    public const int MinDays = 30;
    public const int MaxDays = 36_500;

    private RetentionPolicy()
    {
    }

    public RetentionPolicy(RetentionKind kind, int days, Guid? changedById, DateTime nowUtc)
    {
        Kind = kind;
        Change(days, changedById, nowUtc);
    }

    public RetentionKind Kind { get; private set; }

    /// <summary>Days kept; 0: kept until someone deletes it.</summary>
    public int Days { get; private set; }

    public Guid? ChangedById { get; private set; }

    public DateTime ChangedAtUtc { get; private set; }

    /// <summary>All kinds, in the order the page shows them.</summary>
    public static IReadOnlyList<RetentionKind> Kinds { get; } = Enum.GetValues<RetentionKind>();

    /// <summary>
    /// The defaults: case work and evidence are kept until someone decides (a story of a violation may be
    /// needed in court years later); what nobody looked at, quiet chats and audit detail go on their own.
    /// </summary>
    public static int DefaultDays(RetentionKind kind) => kind switch
    {
        RetentionKind.UnreviewedSelfReports => 180,
        RetentionKind.BotChats => 365,
        RetentionKind.AuditDetail => 730,
        _ => Keep,
    };

    /// <summary>0, or between <see cref="MinDays"/> and <see cref="MaxDays"/>.</summary>
    public static bool IsValid(int days) => days == Keep || days is >= MinDays and <= MaxDays;

    public void Change(int days, Guid? changedById, DateTime nowUtc)
    {
        if (!IsValid(days))
        {
            throw new DomainException("Retention.Error.Days");
        }

        Days = days;
        ChangedById = changedById;
        ChangedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    /// <summary>What is older than this is due; null when the kind is kept.</summary>
    public static DateTime? Cutoff(int days, DateTime nowUtc) => days == Keep ? null : nowUtc.AddDays(-days);
}
