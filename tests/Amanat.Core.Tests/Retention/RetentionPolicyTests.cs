using Amanat.Core.Common;
using Amanat.Core.Retention;

namespace Amanat.Core.Tests.Retention;

public sealed class RetentionPolicyTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(29, false)]
    [InlineData(30, true)]
    [InlineData(36_500, true)]
    [InlineData(36_501, false)]
    [InlineData(-1, false)]
    public void Days_AreZeroOrThirtyToAHundredYears(int days, bool valid)
    {
        Assert.Equal(valid, RetentionPolicy.IsValid(days));
        if (!valid)
        {
            Assert.Equal("Retention.Error.Days", Assert.Throws<DomainException>(() => new RetentionPolicy(RetentionKind.BotChats, days, null, DateTime.UtcNow)).MessageKey);
        }
    }

    [Fact]
    public void Defaults_KeepCaseWorkAndEvidence_AndLetUnseenThingsGo()
    {
        Assert.Equal(RetentionPolicy.Keep, RetentionPolicy.DefaultDays(RetentionKind.Narratives));
        Assert.Equal(RetentionPolicy.Keep, RetentionPolicy.DefaultDays(RetentionKind.Attachments));
        Assert.Equal(RetentionPolicy.Keep, RetentionPolicy.DefaultDays(RetentionKind.InactiveMembers));
        Assert.Equal(180, RetentionPolicy.DefaultDays(RetentionKind.UnreviewedSelfReports));
        Assert.All(RetentionPolicy.Kinds, k => Assert.True(RetentionPolicy.IsValid(RetentionPolicy.DefaultDays(k))));
    }

    [Fact]
    public void TheCutoff_IsNowLessTheDays_OrNoneWhenKept()
    {
        var now = new DateTime(2026, 11, 29, 8, 0, 0, DateTimeKind.Utc);
        Assert.Null(RetentionPolicy.Cutoff(0, now));
        Assert.Equal(new DateTime(2026, 10, 30, 8, 0, 0, DateTimeKind.Utc), RetentionPolicy.Cutoff(30, now));
    }
}
