namespace Amanat.Core.Community;

/// <summary>
/// What the bot waits for in a chat. Kept in <see cref="BotChat.State"/> as the words <c>code</c> and
/// <c>number</c> (nothing for <see cref="None"/>), as before there was this type: stored chats read the same.
/// </summary>
public enum BotStep
{
    /// <summary>Nothing in particular: a word she types is a command, or an answer to her open report.</summary>
    None,

    /// <summary>Her access code, for the number check.</summary>
    Code,

    /// <summary>A phone number or plate to check.</summary>
    Number,
}
