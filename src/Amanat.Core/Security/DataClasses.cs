namespace Amanat.Core.Security;

/// <summary>The classes of data, each with its own versioned key that wraps its records' keys.</summary>
public static class DataClasses
{
    /// <summary>A staff account's secrets: authenticator key, recovery codes, forms kept across an expired session.</summary>
    public const string Staff = "staff";

    public const string Member = "member";

    public const string Incident = "incident";

    /// <summary>Community alerts: each under its own key until it is published and after.</summary>
    public const string Alert = "alert";

    /// <summary>Community chats with the Telegram bot.</summary>
    public const string Bot = "bot";
}
