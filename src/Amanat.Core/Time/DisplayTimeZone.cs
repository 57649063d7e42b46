namespace Amanat.Core.Time;

/// <summary>
/// The zone in which times are shown to people. Times are stored in UTC; this converts for display.
/// Default <c>Asia/Almaty</c> (UTC+5 for all of Kazakhstan since March 2024).
/// </summary>
public sealed class DisplayTimeZone
{
    public const string DefaultId = "Asia/Almaty";

    public DisplayTimeZone(string? zoneId)
    {
        var id = string.IsNullOrWhiteSpace(zoneId) ? DefaultId : zoneId.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            throw new ArgumentException($"Unknown time zone '{id}'. Use an IANA name such as {DefaultId}.", nameof(zoneId));
        }

        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset ToLocal(DateTime utc)
    {
        if (utc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Expected a UTC time.", nameof(utc));
        }

        var offset = Zone.GetUtcOffset(utc);
        return new DateTimeOffset(utc.Ticks + offset.Ticks, offset);
    }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Turns a wall-clock time typed in the display zone into UTC for storage.</summary>
    public DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }
}
