using System.Globalization;
using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Community;

/// <summary>
/// What the bot keeps about one Telegram chat of the community: its language, the city whose alerts she
/// subscribed to, and the ids of the bot's own recent messages there (so that /forget can delete them). The chat id is encrypted and found by a keyed
/// hash; nothing the person wrote is kept here. /forget deletes the row.
/// </summary>
public sealed class BotChat : Entity, IEncryptedRecord
{
    public const int KeptMessages = 50;

    private BotChat()
    {
    }

    public BotChat(long chatId, byte[] chatIndex, DateTime nowUtc)
    {
        ChatId = chatId.ToString(CultureInfo.InvariantCulture);
        ChatIndex = chatIndex;
        LastSeenAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    /// <summary>Encrypted by the persistence layer.</summary>
    public string? ChatId { get; private set; }

    public byte[] ChatIndex { get; private set; } = [];

    /// <summary>ru, kk, uz or en; null until she chose.</summary>
    public string? Language { get; private set; }

    /// <summary>The bot's recent message ids in this chat, separated by spaces; encrypted.</summary>
    public string? SentMessages { get; private set; }

    public DateTime LastSeenAtUtc { get; private set; }

    /// <summary>The city whose new alerts she wants pushed to her; null when she does not. Encrypted.</summary>
    public string? AlertCity { get; private set; }

    public void Subscribe(string cityCode) => AlertCity = cityCode;

    public void Unsubscribe() => AlertCity = null;

    /// <summary>Where the dialogue stands (<c>step|card|until</c>): encrypted, like everything about the chat.</summary>
    public string? State { get; private set; }

    /// <summary>What the bot waits for.</summary>
    public BotStep Awaiting => Part(0) switch
    {
        "code" => BotStep.Code,
        "number" => BotStep.Number,
        _ => BotStep.None,
    };

    /// <summary>The access card she gave in this session, while the session lasts.</summary>
    public Guid? CardAt(DateTime nowUtc) =>
        Guid.TryParse(Part(1), out var card) && long.TryParse(Part(2), NumberStyles.None, CultureInfo.InvariantCulture, out var until) && nowUtc.Ticks < until ? card : null;

    public void Await(BotStep step) => State = $"{Stored(step)}|{Part(1)}|{Part(2)}";

    /// <summary>Her code was valid: the card is remembered (not the code) for <paramref name="session"/>.</summary>
    public void UseCard(Guid cardId, DateTime nowUtc, TimeSpan session) =>
        State = string.Create(CultureInfo.InvariantCulture, $"{Stored(Awaiting)}|{cardId:N}|{(nowUtc + session).Ticks}");

    public Guid KeyOwnerId => Id;

    public IReadOnlyList<int> MessageIds =>
        SentMessages is null ? [] : [.. SentMessages.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(m => int.Parse(m, CultureInfo.InvariantCulture))];

    public void Choose(string language) => Language = language;

    /// <summary>The step as <see cref="State"/> keeps it: the words stored before <see cref="BotStep"/> existed.</summary>
    private static string Stored(BotStep step) => step switch
    {
        BotStep.Code => "code",
        BotStep.Number => "number",
        _ => string.Empty,
    };

    private string? Part(int index) => State?.Split('|') is { } parts && parts.Length > index ? parts[index] : null;

    public void Seen(DateTime nowUtc) => LastSeenAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));

    public void Sent(int messageId) =>
        SentMessages = string.Join(' ', MessageIds.Append(messageId).TakeLast(KeptMessages).Select(m => m.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>Telegram chat ids for their keyed index.</summary>
public sealed class ChatIdNormaliser : IIdentifierNormaliser
{
    public string Kind => "telegram-chat";

    public string? Normalise(string raw) => long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id.ToString(CultureInfo.InvariantCulture) : null;
}
