namespace Amanat.Core.Common;

/// <summary>Every stored time is UTC; this guards the rule where a time enters the model.</summary>
internal static class UtcTime
{
    public static DateTime Require(DateTime value, string paramName) =>
        value.Kind == DateTimeKind.Utc
            ? value
            : throw new ArgumentException("Times are stored in UTC.", paramName);
}
