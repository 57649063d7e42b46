using System.Net;
using Amanat.Core.Care;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Care;

/// <summary>Check-in, who is in tonight, a full shelter, a long stay flagged, check-out with its nights.</summary>
public abstract class ShelterPageTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Stays_AreCheckedIn_Listed_Flagged_AndCheckedOutWithTheirNights()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var ids = new List<Guid>();
        foreach (var name in new[] { "Айна", "Бота", "Вера" })
        {
            using var created = await outreach.PostFormAsync("/staff/members/new", new() { ["Input.WorkingName"] = name });
            var all = await App.WithDbAsync(db => db.Members.ToListAsync());
            ids.Add(all.Single(m => m.WorkingName == name).Id);
        }

        var today = App.Today;
        var arrived = today.AddDays(-40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var first = await outreach.PostFormAsync($"/staff/members/{ids[0]}", new() { ["arrivedOn"] = arrived }, $"/staff/members/{ids[0]}?handler=CheckIn");
        using var again = await outreach.PostFormAsync($"/staff/members/{ids[0]}?lang=ru", new(), $"/staff/members/{ids[0]}?handler=CheckIn&lang=ru");
        using var second = await outreach.PostFormAsync($"/staff/members/{ids[1]}", new(), $"/staff/members/{ids[1]}?handler=CheckIn");
        using var full = await outreach.PostFormAsync($"/staff/members/{ids[2]}?lang=kk", new(), $"/staff/members/{ids[2]}?handler=CheckIn&lang=kk");
        using var despite = await outreach.PostFormAsync($"/staff/members/{ids[2]}", new() { ["despiteFull"] = "true" }, $"/staff/members/{ids[2]}?handler=CheckIn");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Она уже в приюте.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var fullPage = await full.Content.ReadAsStringAsync();
        Assert.Contains("Барлық орын толы.", fullPage, StringComparison.Ordinal);
        Assert.Contains("name=\"despiteFull\"", fullPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, despite.StatusCode);

        var tonight = await outreach.Http.GetStringAsync(new Uri("/staff/shelter?lang=uz", UriKind.Relative));
        Assert.Contains("Bugun boshpanada: 2 joydan 3.", tonight, StringComparison.Ordinal);
        Assert.Contains("Айна", tonight, StringComparison.Ordinal);
        Assert.Contains("30 tundan uzoq: tekshirish kerak", tonight, StringComparison.Ordinal);

        var stay = await App.WithDbAsync(db => db.ServiceRecords.OrderBy(s => s.GivenOn).FirstAsync());
        using var left = await outreach.PostFormAsync("/staff/shelter", new() { ["stayId"] = stay.Id.ToString() }, "/staff/shelter?handler=CheckOut");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        var closed = await App.WithDbAsync(db => db.ServiceRecords.SingleAsync(s => s.Id == stay.Id));
        Assert.Equal(40, closed.Nights);
        Assert.False(closed.IsOpenStay);
        var member = await outreach.Http.GetStringAsync(new Uri($"/staff/members/{ids[0]}?lang=ru", UriKind.Relative));
        Assert.Contains("ночей: 40", member, StringComparison.Ordinal);

        // A stay can only be recorded on an incident or a member with its nights: no accidental open stay.
        using var noNights = await outreach.PostFormAsync($"/staff/members/{ids[0]}?lang=en", new() { ["Service.Code"] = ServiceRecord.ShelterCode }, $"/staff/members/{ids[0]}?handler=Service&lang=en");
        Assert.Contains("give the number of nights", await noNights.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await App.WithDbAsync(db => db.ServiceRecords.CountAsync()));
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : ShelterPageTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : ShelterPageTests(app);
}
