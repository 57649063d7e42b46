using Amanat.Core.Security;
using Microsoft.Extensions.Time.Testing;

namespace Amanat.Core.Tests.Security;

public sealed class UnlockThrottleTests
{
    private const string Stranger = "198.51.100.7";
    private const string Admin = "203.0.113.5";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FiveFailures_BlockThatAddressUntilTheFirstIsAQuarterHourOld()
    {
        var throttle = new UnlockThrottle(clock);
        for (var i = 0; i < UnlockThrottle.MaxFailures; i++)
        {
            Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeNextAttempt(Stranger));
            throttle.RecordFailure(Stranger);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(TimeSpan.FromMinutes(10), throttle.WaitBeforeNextAttempt(Stranger));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeNextAttempt(Stranger));
    }

    [Fact]
    public void OneAddressBlocked_AnotherAddressMayStillTry()
    {
        var throttle = new UnlockThrottle(clock);
        for (var i = 0; i < UnlockThrottle.MaxFailures; i++)
        {
            throttle.RecordFailure(Stranger);
        }

        Assert.True(throttle.WaitBeforeNextAttempt(Stranger) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeNextAttempt(Admin));
    }

    [Fact]
    public void ManyAddresses_ReachTheCeilingForEveryone()
    {
        var throttle = new UnlockThrottle(clock);
        for (var i = 0; i < UnlockThrottle.MaxFailuresEveryone; i++)
        {
            throttle.RecordFailure(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"10.0.{i / 250}.{i % 250}"));
        }

        Assert.Equal(UnlockThrottle.Window, throttle.WaitBeforeNextAttempt(Admin));
        clock.Advance(UnlockThrottle.Window);
        Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeNextAttempt(Admin));
    }

    [Fact]
    public void Success_ClearsTheCount()
    {
        var throttle = new UnlockThrottle(clock);
        for (var i = 0; i < UnlockThrottle.MaxFailures - 1; i++)
        {
            throttle.RecordFailure(Stranger);
        }

        throttle.RecordSuccess();
        throttle.RecordFailure(Stranger);

        Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeNextAttempt(Stranger));
    }
}
