using Amanat.Core.Security;
using Microsoft.Extensions.Time.Testing;

namespace Amanat.Core.Tests.Security;

public sealed class UnlockThrottleTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FiveFailures_BlockUntilTheFirstIsAQuarterHourOld()
    {
        var throttle = new UnlockThrottle(clock);
        for (var i = 0; i < UnlockThrottle.MaxFailures; i++)
        {
            Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeNextAttempt());
            throttle.RecordFailure();
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(TimeSpan.FromMinutes(10), throttle.WaitBeforeNextAttempt());
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeNextAttempt());
    }

    [Fact]
    public void Success_ClearsTheCount()
    {
        var throttle = new UnlockThrottle(clock);
        for (var i = 0; i < UnlockThrottle.MaxFailures - 1; i++)
        {
            throttle.RecordFailure();
        }

        throttle.RecordSuccess();
        throttle.RecordFailure();

        Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeNextAttempt());
    }
}
