namespace Amanat.Core.Common;

/// <summary>
/// A rule of the domain refused a change. <see cref="MessageKey"/> names the localized message that
/// pages and the API show; the exception carries no personal or case data.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string messageKey)
        : base(messageKey)
    {
        MessageKey = messageKey;
    }

    public DomainException()
        : this("Status.400")
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        MessageKey = message;
    }

    public string MessageKey { get; }
}
