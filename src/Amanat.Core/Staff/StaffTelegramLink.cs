using System.Globalization;
using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Staff;

/// <summary>
/// A staff member's opt-in to content-free Telegram reminders ("items due soon: 3"). She asks for a link on
/// her account page, which shows a one-time code valid for <see cref="CodeLifetime"/>; the bot completes the
/// link when that code reaches it from her chat. The chat id is encrypted under her own key; only the
/// code's hash is kept. A reminder never carries a name, a story or an identifier.
/// </summary>
public sealed class StaffTelegramLink : Entity, IEncryptedRecord
{
    public const string CodePrefix = "s_";

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);

    private StaffTelegramLink()
    {
    }

    private StaffTelegramLink(Guid userId, string language, byte[] codeHash, DateTime nowUtc)
    {
        UserId = userId;
        Language = language;
        CodeHash = codeHash;
        CodeExpiresAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc)) + CodeLifetime;
    }

    public Guid UserId { get; private set; }

    /// <summary>The interface language she used when she asked for the link: reminders come in it.</summary>
    public string Language { get; private set; } = "ru";

    /// <summary>Her Telegram chat id, as text; encrypted by the persistence layer. Null until linked.</summary>
    public string? ChatId { get; private set; }

    public byte[]? CodeHash { get; private set; }

    public DateTime? CodeExpiresAtUtc { get; private set; }

    public DateTime? LinkedAtUtc { get; private set; }

    /// <summary>The local day of the last reminder, so that she gets at most one a day.</summary>
    public DateOnly? LastSentOn { get; private set; }

    public Guid KeyOwnerId => UserId;

    public bool IsLinked => LinkedAtUtc is not null && ChatId is not null;

    /// <summary>A new pending link and the code to send to the bot (shown to her once).</summary>
    public static (StaffTelegramLink Link, string Code) Start(Guid userId, string language, DateTime nowUtc)
    {
        var code = SecretToken.Create(CodePrefix);
        return (new StaffTelegramLink(userId, language, SecretToken.Hash(code), nowUtc), code);
    }

    public static bool LooksLikeCode(string? text) =>
        text is { Length: > 10 and <= 64 } && text.StartsWith(CodePrefix, StringComparison.Ordinal)
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public bool IsPendingAt(DateTime nowUtc) => !IsLinked && CodeExpiresAtUtc is { } expires && nowUtc <= expires;

    /// <summary>Completes a pending link with the chat the code came from; the code cannot be used again.</summary>
    public void Complete(long chatId, DateTime nowUtc)
    {
        if (!IsPendingAt(nowUtc))
        {
            throw new DomainException("Telegram.Error.CodeExpired");
        }

        ChatId = chatId.ToString(CultureInfo.InvariantCulture);
        LinkedAtUtc = nowUtc;
        CodeHash = null;
        CodeExpiresAtUtc = null;
    }

    public long? Chat => long.TryParse(ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;

    public void MarkSent(DateOnly today) => LastSentOn = today;
}
