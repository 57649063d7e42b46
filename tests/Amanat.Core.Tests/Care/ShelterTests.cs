using Amanat.Core.Care;
using Amanat.Core.Common;

namespace Amanat.Core.Tests.Care;

public sealed class ShelterTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static ServiceRecord Stay(DateOnly from, int? nights = null, Guid? incident = null) =>
        new(incident, ServiceRecord.ShelterCode, from, Guid.NewGuid(), nights, null, null, Now, Guid.NewGuid());

    [Fact]
    public void CheckingOut_CountsTheNightsBetweenArrivalAndDeparture()
    {
        var stay = Stay(new DateOnly(2026, 11, 20));
        Assert.True(stay.IsOpenStay);
        Assert.Equal(8, Shelter.NightsSoFar(stay, Today));

        stay.CheckOut(new DateOnly(2026, 11, 23));

        Assert.Equal(3, stay.Nights);
        Assert.False(stay.IsOpenStay);
        Assert.Throws<DomainException>(() => stay.CheckOut(Today));
        Assert.Throws<DomainException>(() => Stay(Today).CheckOut(Today.AddDays(-1)));
        var sameDay = Stay(Today);
        sameDay.CheckOut(Today);
        Assert.Equal(1, sameDay.Nights); // arrived and left the same day: she still had a bed that night
    }

    [Fact]
    public void NightsInAPeriod_CountEachStayOnce_WhetherRecordedOnAnIncidentOrByCheckIn()
    {
        var incidentResponse = Stay(new DateOnly(2026, 11, 1), nights: 3, incident: Guid.NewGuid());
        var checkedIn = Stay(new DateOnly(2026, 11, 10));
        checkedIn.CheckOut(new DateOnly(2026, 11, 15));
        var open = Stay(new DateOnly(2026, 11, 25));
        var other = new ServiceRecord(null, "PSY", new DateOnly(2026, 11, 2), Guid.NewGuid(), null, null, null, Now);
        ServiceRecord[] rows = [incidentResponse, checkedIn, open, other, checkedIn];

        Assert.Equal(3 + 5 + 3, Shelter.NightsIn(rows, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Today));
        Assert.Equal(2 + 3, Shelter.NightsIn(rows, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 12), Today)); // 2 of the first, 3 of the second
        Assert.Equal(0, Shelter.NightsIn(rows, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), Today));
    }

    [Fact]
    public void AStayBeyondTheLimit_NeedsAFollowUp()
    {
        Assert.True(Shelter.IsOverLong(Stay(Today.AddDays(-31)), Today, 30));
        Assert.False(Shelter.IsOverLong(Stay(Today.AddDays(-30)), Today, 30));
        Assert.False(Shelter.IsOverLong(Stay(Today.AddDays(-60), nights: 60), Today, 30)); // closed
    }
}
