using System.Net;
using Amanat.Core.Auditing;
using Amanat.Core.SelfReports;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Incidents;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Community;

/// <summary>Coordinators work through self-reports: read (audited), turn into a prefilled incident, attach, note contact, discard.</summary>
public abstract class ReviewQueueTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task AReport_ShowsAsACountOnly_ThenOpens_AndBecomesAnIncidentFromThePrefilledForm()
    {
        using var community = App.Client();
        await SelfReportTests.PostReportAsync(community, SelfReportTests.Report("Клиент избил и не заплатил"), "ru");
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);

        var home = await coordinator.Http.GetStringAsync(new Uri("/staff?lang=ru", UriKind.Relative));
        Assert.Contains("Сообщений ждут рассмотрения: 1.", home, StringComparison.Ordinal);
        var queue = await coordinator.Http.GetStringAsync(new Uri("/staff/reports?lang=ru", UriKind.Relative));
        Assert.Contains("Ждут рассмотрения: 1", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("избил", queue, StringComparison.Ordinal);
        var id = await App.WithDbAsync(db => db.SelfReports.Select(r => r.Id).SingleAsync());
        using var denied = await outreach.Http.GetAsync(new Uri($"/staff/reports/{id}", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        using var deniedPrefill = await outreach.Http.GetAsync(new Uri($"/staff/incidents/new?report={id}", UriKind.Relative));
        Assert.Equal("/staff/denied", deniedPrefill.Headers.Location?.AbsolutePath);

        var details = await coordinator.Http.GetStringAsync(new Uri($"/staff/reports/{id}?lang=ru", UriKind.Relative));
        Assert.Contains("Клиент избил и не заплатил", details, StringComparison.Ordinal);
        Assert.Contains("Меня избили или причинили боль", details, StringComparison.Ordinal);

        var prefilled = await coordinator.Http.GetStringAsync(new Uri($"/staff/incidents/new?report={id}&lang=ru", UriKind.Relative));
        var fields = Html.FormFields(prefilled, "incident-form");
        Assert.Contains(new("Input.Violations", "CL-PHY"), fields);
        Assert.Contains(new("Input.Violations", "CL-ROB"), fields);
        Assert.Contains(new("Input.Perpetrators[0].CategoryCode", "CLI"), fields);
        Assert.Contains(new("Input.People[0].Consents[ALERT]", "Yes"), fields);
        Assert.Contains(new("Input.People[0].Consents[AUTHORITIES]", "No"), fields);
        Assert.Contains(new("Input.Narrative", "Клиент избил и не заплатил"), fields);
        Assert.Contains(new("report", id.ToString()), fields);

        using var saved = await coordinator.PostFieldsAsync($"/staff/incidents/new?report={id}", fields.Where(f => f.Key != "__af"), "/staff/incidents/new");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var report = await App.WithDbAsync(db => db.SelfReports.SingleAsync());
        Assert.Equal(SelfReportStatus.Converted, report.Status);
        var incident = await App.WithDbAsync(db => db.Incidents.Include(i => i.Perpetrators).SingleAsync());
        Assert.Equal(incident.Id, report.IncidentId);
        Assert.Equal("+77015550199", Assert.Single(incident.Perpetrators).Phones?.Replace(" ", "", StringComparison.Ordinal));
        var audit = await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(a => a.Sequence).Where(e => e.SubjectId == id).Select(e => e.Type).ToListAsync());
        Assert.Contains(AuditEventType.SelfReportRead, audit);
        Assert.Contains(AuditEventType.SelfReportConverted, audit);

        using var twice = await coordinator.Http.GetAsync(new Uri($"/staff/incidents/new?report={id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
    }

    [Fact]
    public async Task ContactAttempts_Attaching_AndDiscarding_AreRecordedAndAudited()
    {
        using var community = App.Client();
        await SelfReportTests.PostReportAsync(community, SelfReportTests.Report("first"));
        await SelfReportTests.PostReportAsync(community, SelfReportTests.Report("second"));
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var incident = await Situations.RecordAsync(coordinator, Situations.DocumentCheck(App.Today.AddDays(-2)));
        var ids = await App.WithDbAsync(db => db.SelfReports.Select(r => r.Id).ToListAsync());

        using var contacted = await coordinator.PostFormAsync($"/staff/reports/{ids[0]}", new() { ["reached"] = "false" }, $"/staff/reports/{ids[0]}?handler=Contact");
        Assert.Equal(HttpStatusCode.Redirect, contacted.StatusCode);
        using var noIncident = await coordinator.PostFormAsync($"/staff/reports/{ids[0]}?lang=en", [], $"/staff/reports/{ids[0]}?handler=Attach&lang=en");
        Assert.Contains("Choose an incident.", await noIncident.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var attached = await coordinator.PostFormAsync($"/staff/reports/{ids[0]}", new() { ["IncidentId"] = incident.ToString() }, $"/staff/reports/{ids[0]}?handler=Attach");
        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);

        using var noReason = await coordinator.PostFormAsync($"/staff/reports/{ids[1]}?lang=en", [], $"/staff/reports/{ids[1]}?handler=Discard&lang=en");
        Assert.Contains("Choose a reason.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var discarded = await coordinator.PostFormAsync($"/staff/reports/{ids[1]}", new() { ["Reason"] = "DUPLICATE" }, $"/staff/reports/{ids[1]}?handler=Discard");
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        using var again = await coordinator.PostFormAsync($"/staff/reports/{ids[0]}?lang=en", new() { ["Reason"] = "TEST" }, $"/staff/reports/{ids[0]}?handler=Discard&lang=en");
        Assert.Contains("already been dealt with", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var reports = await App.WithDbAsync(db => db.SelfReports.Include(r => r.Contacts).ToDictionaryAsync(r => r.Id));
        Assert.Equal(SelfReportStatus.Attached, reports[ids[0]].Status);
        Assert.Equal(incident, reports[ids[0]].IncidentId);
        Assert.False(Assert.Single(reports[ids[0]].Contacts).Reached);
        Assert.Equal(SelfReportStatus.Discarded, reports[ids[1]].Status);
        Assert.Equal("DUPLICATE", reports[ids[1]].DiscardReason);
        var audit = await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(a => a.Sequence).Select(e => e.Type).ToListAsync());
        Assert.Contains(AuditEventType.SelfReportContacted, audit);
        Assert.Contains(AuditEventType.SelfReportAttached, audit);
        Assert.Contains(AuditEventType.SelfReportDiscarded, audit);
        var queue = await coordinator.Http.GetStringAsync(new Uri("/staff/reports?lang=en", UriKind.Relative));
        Assert.Contains("Waiting for review: 0", queue, StringComparison.Ordinal);
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : ReviewQueueTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : ReviewQueueTests(app);
}
