using Amanat.Core.Time;

namespace Amanat.Core.Tests.Time;

public sealed class DisplayTimeZoneTests
{
    [Fact]
    public void ToLocal_Almaty_AfterMarch2024_IsUtcPlusFive()
    {
        var zone = new DisplayTimeZone(null);

        var local = zone.ToLocal(new DateTime(2026, 7, 1, 19, 30, 0, DateTimeKind.Utc));

        Assert.Equal(TimeSpan.FromHours(5), local.Offset);
        Assert.Equal(new DateTime(2026, 7, 2, 0, 30, 0), local.DateTime);
    }

    [Fact]
    public void ToLocal_Almaty_Before2024_WasUtcPlusSix()
    {
        var zone = new DisplayTimeZone(DisplayTimeZone.DefaultId);

        var local = zone.ToLocal(new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(TimeSpan.FromHours(6), local.Offset);
    }

    [Fact]
    public void ToUtc_WallClockInTashkent_SubtractsFiveHours()
    {
        var zone = new DisplayTimeZone("Asia/Tashkent");

        var utc = zone.ToUtc(new DateTime(2026, 3, 10, 9, 0, 0));

        Assert.Equal(new DateTime(2026, 3, 10, 4, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void ToLocal_NonUtcTime_IsRefused()
    {
        var zone = new DisplayTimeZone(null);

        Assert.Throws<ArgumentException>(() => zone.ToLocal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local)));
    }

    [Fact]
    public void Constructor_UnknownZone_ExplainsWhatIsExpected()
    {
        var error = Assert.Throws<ArgumentException>(() => new DisplayTimeZone("Mars/Olympus"));

        Assert.Contains("IANA", error.Message, StringComparison.Ordinal);
    }
}
