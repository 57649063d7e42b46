using Amanat.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace Amanat.Core.Tests.Common;

public sealed class InstallationTests
{
    [Fact]
    public void Create_UsesInjectedClock_AndUuidVersion7()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

        var installation = Installation.Create(clock);

        Assert.Equal(7, installation.Id.Version);
        Assert.Equal(new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc), installation.CreatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, installation.CreatedAtUtc.Kind);
    }

    [Fact]
    public void Create_IdsAreTimeOrdered()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var first = Installation.Create(clock);
        clock.Advance(TimeSpan.FromMilliseconds(5));

        var second = Installation.Create(clock);

        Assert.True(string.CompareOrdinal(first.Id.ToString(), second.Id.ToString()) < 0);
    }

    [Fact]
    public void Constructor_IdOfAnotherVersion_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new Installation(Guid.NewGuid(), DateTime.UtcNow));
    }

    [Fact]
    public void Constructor_LocalTime_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new Installation(Guid.CreateVersion7(), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local)));
    }
}
