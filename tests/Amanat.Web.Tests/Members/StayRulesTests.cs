using System.Net;
using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Members;

/// <summary>Stay rules as data: a coordinator enters a rule, the member's page uses it at once; every save is an audited version.</summary>
public abstract class StayRulesTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task ACoordinatorEntersAnUnknownRule_AndItIsUsed_AsANewAuditedVersion()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        using var created = await coordinator.PostFormAsync("/staff/members/new", new() { ["Input.WorkingName"] = "Айгерим", ["Input.NationalityCode"] = "KG" });
        var id = await App.WithDbAsync(db => db.Members.Select(m => m.Id).SingleAsync());
        var today = App.Today;
        using var entry = await coordinator.PostFormAsync($"/staff/members/{id}/stay", new() { ["kind"] = "Entry", ["on"] = today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, $"/staff/members/{id}/stay?handler=Movement");
        var before = await coordinator.Http.GetStringAsync(new Uri($"/staff/members/{id}/stay?lang=en", UriKind.Relative));

        using var bad = await coordinator.PostFormAsync("/staff/stay-rules?nationality=KG&lang=en", new() { ["Input.CapDays"] = "90" }, "/staff/stay-rules?handler=Rules&nationality=KG&lang=en");
        using var saved = await coordinator.PostFormAsync("/staff/stay-rules?nationality=KG", new() { ["Input.DaysWithoutRegistration"] = "30", ["Input.Source"] = "Lawyer's note, November 2026", ["Input.LastChecked"] = "2026-11-20" }, "/staff/stay-rules?handler=Rules&nationality=KG");
        using var badYear = await coordinator.PostFormAsync("/staff/stay-rules?lang=ru", new() { ["Year.Year"] = "2027", ["Year.Holidays"] = "2027-01-01\n2026-13-40" }, "/staff/stay-rules?handler=Calendar&lang=ru");
        var after = await coordinator.Http.GetStringAsync(new Uri($"/staff/members/{id}/stay?lang=en", UriKind.Relative));

        Assert.Contains("unknown — the rule is not known", before, StringComparison.Ordinal);
        Assert.Contains("Give both the days allowed and the window, or neither.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Не дата (2026-03-21): 2026-13-40", await badYear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(today.AddDays(-3).AddDays(29).ToString("d", System.Globalization.CultureInfo.GetCultureInfo("en")), after, StringComparison.Ordinal);
        Assert.Contains("Lawyer&#x27;s note, November 2026", after, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.StayRuleVersions.CountAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(x => x.Type == AuditEventType.StayRulesChanged && x.Value == 1)));
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        using var denied = await outreach.Http.GetAsync(new Uri("/staff/stay-rules", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : StayRulesTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : StayRulesTests(app);
}
