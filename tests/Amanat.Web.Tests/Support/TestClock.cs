namespace Amanat.Web.Tests.Support;

/// <summary>
/// The instant at which every test server's clock starts: fixed, in the middle of a month and of a year, so
/// that no test passes or fails with the day it runs on ("three days ago" and "two days ago" are always in
/// the same month). Dates a test writes into the application are taken from here, never from the real clock;
/// only what the server takes from the real clock itself (authenticator codes, lockout ends, cookie expiry
/// as the client sees it) is compared with the real time.
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 6, 17, 7, 0, 0, TimeSpan.Zero);

    /// <summary>The start as a UTC <see cref="DateTime"/>.</summary>
    public static DateTime UtcNow => Start.UtcDateTime;

    /// <summary>The start's date where the centre is (Asia/Almaty, UTC+5): the same day.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Start.UtcDateTime.AddHours(5));
}
