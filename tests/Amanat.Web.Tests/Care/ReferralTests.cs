using System.Net;
using Amanat.Core.Auditing;
using Amanat.Core.Care;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Care;

/// <summary>Referrals: her SERVICES consent first, a follow-up date, and the overdue list once the date has passed.</summary>
public abstract class ReferralTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task AReferral_NeedsHerConsent_AndShowsAsOverdue_WhenItsDatePasses()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        using var provider = await coordinator.PostFormAsync("/staff/directory/new", DirectoryTests.Clinic());
        var providerId = await App.WithDbAsync(db => db.Providers.Select(p => p.Id).SingleAsync());
        using var member = await outreach.PostFormAsync("/staff/members/new", new() { ["Input.WorkingName"] = "Дина", ["Input.ServicesConsent"] = "No" });
        var memberId = await App.WithDbAsync(db => db.Members.Select(m => m.Id).SingleAsync());
        var refer = new Dictionary<string, string> { ["Refer.ProviderId"] = providerId.ToString(), ["Refer.ServiceCode"] = "MED-GYN", ["Refer.Note"] = "Записана на четверг" };

        using var refused = await outreach.PostFormAsync($"/staff/members/{memberId}?lang=ru", new(refer), $"/staff/members/{memberId}?handler=Refer&lang=ru");
        Assert.Contains("Она не дала согласия на направление", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Referrals.CountAsync()));

        using var consented = await outreach.PostFormAsync($"/staff/members/{memberId}/edit", new() { ["Input.WorkingName"] = "Дина", ["Input.ServicesConsent"] = "Yes" });
        using var referred = await outreach.PostFormAsync($"/staff/members/{memberId}", new(refer), $"/staff/members/{memberId}?handler=Refer");
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        var referral = await App.WithDbAsync(db => db.Referrals.SingleAsync());
        Assert.Equal((memberId, ReferralStatus.Sent, referral.SentOn.AddDays(ReferralRules.DefaultFollowUpDays)), (referral.MemberId!.Value, referral.Status, referral.DueOn));
        Assert.Contains("Открыто: 1; просрочено: 0.", await coordinator.Http.GetStringAsync(new Uri("/staff/referrals?lang=ru", UriKind.Relative)), StringComparison.Ordinal);

        // One sent ten days ago: its week has passed and nobody followed up. (The shared server's clock is
        // not moved here — other tests count on today; the browser test moves its own server's clock.)
        var today = App.Today;
        using var earlier = await outreach.PostFormAsync($"/staff/members/{memberId}", new(refer) { ["Refer.SentOn"] = today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, $"/staff/members/{memberId}?handler=Refer");
        var list = await coordinator.Http.GetStringAsync(new Uri("/staff/referrals?lang=ru", UriKind.Relative));
        Assert.Contains("Открыто: 2; просрочено: 1.", list, StringComparison.Ordinal);
        Assert.Contains("Дина", list, StringComparison.Ordinal);
        Assert.Contains("Клиника «Мейірім»", list, StringComparison.Ordinal);
        var overdue = await App.WithDbAsync(db => db.Referrals.SingleAsync(r => r.Id != referral.Id));
        Assert.True(overdue.IsOverdue(today));

        using var done = await coordinator.PostFormAsync($"/staff/members/{memberId}", new() { ["referralId"] = overdue.Id.ToString(), ["status"] = "Done" }, $"/staff/members/{memberId}?handler=FollowUp");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Открыто: 1; просрочено: 0.", await coordinator.Http.GetStringAsync(new Uri("/staff/referrals?lang=ru", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(x => x.Type == AuditEventType.ReferralUpdated && x.Value == (long)ReferralStatus.Done)));
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : ReferralTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : ReferralTests(app);
}
