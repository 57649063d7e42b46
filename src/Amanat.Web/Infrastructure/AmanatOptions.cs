using Amanat.Core.Time;

namespace Amanat.Web.Infrastructure;

/// <summary>The <c>Amanat</c> configuration section (environment: <c>Amanat__Section__Key</c>).</summary>
internal sealed class AmanatOptions
{
    public const string Section = "Amanat";

    /// <summary>Where the SQLite database and, later, keys live. Relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>IANA zone in which times are shown.</summary>
    public string TimeZone { get; set; } = DisplayTimeZone.DefaultId;

    /// <summary>Where the quick-exit button leads: a neutral site that says nothing about the user.</summary>
    public string QuickExitUrl { get; set; } = "https://www.google.com/search?q=weather";

    public ReverseProxyOptions ReverseProxy { get; set; } = new();

    public KeyOptions Keys { get; set; } = new();

    public AttachmentOptions Attachments { get; set; } = new();

    public MemberOptions Members { get; set; } = new();

    public ShelterOptions Shelter { get; set; } = new();

    public TelegramOptions Telegram { get; set; } = new();

    public CommunityOptions Community { get; set; } = new();

    public StatisticsOptions Statistics { get; set; } = new();

    public BackupOptions Backup { get; set; } = new();
}

/// <summary>Scheduled backups (<c>Amanat__Backup__…</c>).</summary>
internal sealed class BackupOptions
{
    /// <summary>Where scheduled backups go (default: <c>backups</c> in the data directory). Copy them elsewhere.</summary>
    public string? Directory { get; set; }

    /// <summary>Hours between scheduled backups (default 24; 0: none).</summary>
    public int EveryHours { get; set; } = 24;

    /// <summary>How many scheduled backups are kept (default 7, at least 1).</summary>
    public int Keep { get; set; } = 7;
}

/// <summary>The statistics dashboard and exports (<c>Amanat__Statistics__…</c>).</summary>
internal sealed class StatisticsOptions
{
    /// <summary>Counts under this are shown as "fewer than N", and a selection resting on fewer incidents is refused (default 5, at least 2).</summary>
    public int Threshold { get; set; } = 5;

    /// <summary>The anonymised dataset: every record shares its values with at least this many others (default 5, 2–100).</summary>
    public int DatasetK { get; set; } = 5;

    /// <summary>The anonymised dataset: every group of alike records holds at least this many violation codes (default 2, 2–10).</summary>
    public int DatasetL { get; set; } = 2;
}

/// <summary>Limits of the public community pages and API (<c>Amanat__Community__…</c>).</summary>
internal sealed class CommunityOptions
{
    /// <summary>Self-reports accepted per address per hour (default 20; a whole town may share one mobile address).</summary>
    public int ReportsPerAddressPerHour { get; set; } = 20;

    /// <summary>Self-reports accepted per hour from everyone together (default 300), so that a flood cannot fill the disk.</summary>
    public int ReportsPerHour { get; set; } = 300;

    /// <summary>Withdrawals (look-ups by reference) per address per hour (default 30).</summary>
    public int LookupsPerAddressPerHour { get; set; } = 30;

    /// <summary>Number checks and feed reads per address per hour (default 300: many women may share one address).</summary>
    public int ChecksPerAddressPerHour { get; set; } = 300;

    /// <summary>Number checks and feed reads per access code per hour (default 30).</summary>
    public int ChecksPerCodePerHour { get; set; } = 30;
}

/// <summary>The Telegram bot (<c>Amanat__Telegram__Token</c>…). Without a token there is no bot.</summary>
internal sealed class TelegramOptions
{
    /// <summary>The bot's token from @BotFather. Empty: no bot, no Telegram reminders.</summary>
    public string? Token { get; set; }

    /// <summary>The Bot API server; empty means Telegram's own (<c>https://api.telegram.org</c>).</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>Local hour (0–23) from which the daily staff reminder goes out (default 9).</summary>
    public int ReminderHour { get; set; } = 9;

    /// <summary>
    /// The public HTTPS address at which Telegram should deliver updates (webhook mode), routed by the reverse
    /// proxy to <c>/telegram/webhook</c> here; empty (the default): long polling, which needs no public address.
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>How long one long-polling request waits for news, in seconds (default 25).</summary>
    public int PollSeconds { get; set; } = 25;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Token);
}

/// <summary>Limits for evidence files (<c>Amanat__Attachments__MaxBytes</c> and so on).</summary>
internal sealed class ShelterOptions
{
    /// <summary>Beds in the centre's shelter; 0 when it has none (check-in is then not offered).</summary>
    public int Beds { get; set; }

    /// <summary>A stay longer than this many nights is flagged for a follow-up (default 30).</summary>
    public int MaxStayNights { get; set; } = 30;
}

internal sealed class MemberOptions
{
    /// <summary>How the UIC is composed (see <see cref="Amanat.Core.Members.Uic"/>): default <c>{M2}{F2}{S}{YY}</c>.</summary>
    public string UicFormula { get; set; } = Amanat.Core.Members.Uic.DefaultFormula;
}

internal sealed class AttachmentOptions
{
    /// <summary>Largest accepted file, in bytes (default 20 MiB).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Largest image, in pixels (width × height), checked before decoding (default 50 megapixels).</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Longest side of an image, in pixels (default 12,000).</summary>
    public int MaxSide { get; set; } = 12_000;

    /// <summary>Longest side of the viewing copy (default 1,600) and of the thumbnail (default 320).</summary>
    public int ViewSide { get; set; } = 1600;

    public int ThumbSide { get; set; } = 320;
}

internal sealed class KeyOptions
{
    /// <summary>
    /// The key file of key-file mode. Empty means <c>keys/amanat.key</c> in the data directory; put it on
    /// another disk (or a removable one) so that a copy of the data directory alone opens nothing.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// Re-wrap record keys in the background after <c>keys rotate</c> (default). Off, a rotation only moves
    /// when <c>keys rotate</c> runs with the server stopped — for tests that step through one.
    /// </summary>
    public bool RotateInBackground { get; set; } = true;
}

internal sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL. For SQLite, empty means <c>amanat.db</c> in the data directory.</summary>
    public string? ConnectionString { get; set; }
}

[System.Diagnostics.CodeAnalysis.SuppressMessage("Maintainability", "CA1515:Consider making public types internal", Justification = "The public test classes run per provider (AmanatApp, KeyRotationTests).")]
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

internal sealed class ReverseProxyOptions
{
    /// <summary>Addresses of proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/8</c>) whose forwarded headers are believed.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies stand in front of Amanat.</summary>
    public int ForwardLimit { get; set; } = 1;
}
