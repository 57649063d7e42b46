using Amanat.Core.Security;
using Microsoft.Extensions.Time.Testing;

namespace Amanat.Core.Tests.Security;

public sealed class SignInThrottleTests
{
    private const string Stranger = "198.51.100.7";
    private const string Account = "NARGIZA";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Delay_DoublesAfterTheFreeFailures_AndIsCapped()
    {
        Assert.Equal(TimeSpan.Zero, SignInThrottle.Delay(4, 5));
        Assert.Equal(TimeSpan.FromSeconds(2), SignInThrottle.Delay(5, 5));
        Assert.Equal(TimeSpan.FromSeconds(4), SignInThrottle.Delay(6, 5));
        Assert.Equal(SignInThrottle.LongestWait, SignInThrottle.Delay(1000, 5));
    }

    [Fact]
    public void OneAddress_SlowsOnlyItself_AndWaitingAttemptsDoNotCount()
    {
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.FreeFailuresPerAddress; i++)
        {
            Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeNextAttempt(Stranger, Account));
            throttle.RecordFailure(Stranger, Account);
        }

        Assert.Equal(TimeSpan.FromSeconds(2), throttle.WaitBeforeNextAttempt(Stranger, Account));
        Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeNextAttempt("203.0.113.9", Account));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeNextAttempt(Stranger, Account));
    }

    [Fact]
    public void ManyAddresses_SlowTheAccount_UntilSheSignsIn()
    {
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.FreeFailuresPerAccount; i++)
        {
            throttle.RecordFailure($"10.0.0.{i}", Account);
        }

        Assert.Equal(TimeSpan.FromSeconds(2), throttle.WaitBeforeNextAttempt("203.0.113.9", Account));
        throttle.RecordSuccess(Account);
        Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeNextAttempt("203.0.113.9", Account));
    }

    [Fact]
    public void Failures_AreForgottenAfterAQuietHour()
    {
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.FreeFailuresPerAddress + 10; i++)
        {
            throttle.RecordFailure(Stranger, Account);
        }

        clock.Advance(SignInThrottle.ForgetAfter);
        throttle.RecordFailure(Stranger, Account);
        Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeNextAttempt(Stranger, Account));
    }
}
