using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Community;

/// <summary>
/// The Telegram bot's token, entered by an administrator: encrypted like every other secret, so a seized
/// server does not let anyone take over the bot and read what the community sends it. One row at most.
/// </summary>
public sealed class BotToken : Entity, IEncryptedRecord
{
    private BotToken()
    {
    }

    public BotToken(string token, Guid setById, DateTime nowUtc)
    {
        Token = token;
        SetById = setById;
        SetAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    /// <summary>Encrypted by the persistence layer.</summary>
    public string? Token { get; private set; }

    public Guid SetById { get; private set; }

    public DateTime SetAtUtc { get; private set; }

    public Guid KeyOwnerId => Id;
}
