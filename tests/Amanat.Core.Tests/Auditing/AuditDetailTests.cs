using System.Security.Cryptography;
using Amanat.Core.Auditing;

namespace Amanat.Core.Tests.Auditing;

/// <summary>The detail MAC: removing who/what/where keeps the entry's MAC valid; changing them does not.</summary>
public sealed class AuditDetailTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Previous = RandomNumberGenerator.GetBytes(AuditEvent.MacSize);

    [Fact]
    public void RemovingTheDetail_KeepsTheMac_WhileChangingItDoesNot()
    {
        var entry = new AuditEvent(AuditEventType.IncidentRead, DateTime.UtcNow, Guid.NewGuid(), Guid.NewGuid(), AuditOrigin.Web, "10.1.0.0/16", 3);
        entry.Chain(7, Previous, Key);
        var mac = entry.Mac;
        Assert.True(entry.CanRemoveDetail);
        Assert.Equal(entry.DetailMac, entry.ComputeDetailMac(Key));

        entry.RemoveDetail();

        Assert.True(entry.DetailRemoved);
        Assert.Null(entry.ActorId);
        Assert.Null(entry.SubjectId);
        Assert.Null(entry.Network);
        Assert.Equal(mac, entry.ComputeMac(Previous, Key));
        Assert.NotEqual(entry.DetailMac, entry.ComputeDetailMac(Key)); // the fields are gone; the stored MAC still speaks for them
        Assert.False(entry.CanRemoveDetail);
    }

    [Fact]
    public void TheValueTypeAndTime_StayCoveredByTheChain()
    {
        var entry = new AuditEvent(AuditEventType.StatisticsCsvExported, DateTime.UtcNow, Guid.NewGuid(), null, AuditOrigin.Web, null, 120);
        entry.Chain(1, Previous, Key);
        var other = new AuditEvent(AuditEventType.StatisticsCsvExported, entry.AtUtc, entry.ActorId, null, AuditOrigin.Web, null, 121);
        other.Chain(1, Previous, Key);

        Assert.NotEqual(entry.Mac, other.Mac);
        Assert.Equal(entry.DetailMac, other.DetailMac);
    }
}
