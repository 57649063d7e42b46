using System.Net;
using Amanat.Core.Auditing;
using Amanat.Core.Incidents;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Incidents;

/// <summary>Recording, validating, finding and following up incidents through the pages, on both databases.</summary>
public abstract class IncidentTests(AmanatApp app) : IntegrationTest(app)
{
    private static readonly DateOnly Day = DateOnly.FromDateTime(TestClock.UtcNow.AddDays(-20));

    [Fact]
    public async Task Situation1_DocumentCheck_IsRecordedFaithfully_WithItsResponses()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);

        var id = await Situations.RecordAsync(outreach, Situations.DocumentCheck(Day));
        foreach (var (code, nights) in new[] { ("SHELTER", "3"), ("PSY", ""), ("MED-GYN", ""), ("MED-SUR", "") })
        {
            using var response = await outreach.PostFormAsync($"/staff/incidents/{id}", new() { ["Service.Code"] = code, ["Service.Nights"] = nights }, $"/staff/incidents/{id}?handler=Response");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var incident = await LoadAsync(id);
        Assert.Equal(Day, incident.OccurredOn);
        Assert.Equal(6, incident.DurationDays);
        Assert.Equal(("TAL", "STATION"), (incident.CityCode, incident.PlaceCode));
        Assert.Equal(["ST-DET", "ST-DOC", "ST-NEG", "ST-PHY", "ST-RAP"], incident.Violations.Select(v => v.Code));
        Assert.Equal(6, incident.DaysDetained);
        Assert.True(incident.DocumentsTaken);
        Assert.True(incident.DocumentsReturned);
        Assert.Equal("NONE", incident.ComplaintCode);
        Assert.Equal(4, incident.PeopleCount);
        var person = Assert.Single(incident.People);
        Assert.Equal(ConsentValue.Yes, person.Consent("STATS"));
        Assert.Equal(ConsentValue.NotAsked, person.Consent("ALERT"));
        Assert.Equal(ConsentValue.No, person.Consent("AUTHORITIES"));
        var member = await App.WithDbAsync(db => db.Members.SingleAsync());
        Assert.Equal(member.Id, person.MemberId);
        Assert.Equal("Гульнара", member.WorkingName);
        Assert.Equal("POL", Assert.Single(incident.Perpetrators).CategoryCode);
        var services = await App.WithDbAsync(db => db.ServiceRecords.OrderBy(x => x.Code).ToListAsync());
        Assert.Equal(["MED-GYN", "MED-SUR", "PSY", "SHELTER"], services.Select(s => s.Code));
        Assert.Equal(3, services.Single(s => s.Code == "SHELTER").Nights);

        var page = await outreach.Http.GetStringAsync(new Uri($"/staff/incidents/{id}?lang=ru", UriKind.Relative));
        Assert.Contains("Гульнара", page, StringComparison.Ordinal);
        Assert.Contains("Талдыкорган", page, StringComparison.Ordinal);
        Assert.Contains("Учитывать в обезличенной статистике — Да (записано", page, StringComparison.Ordinal);
        var audit = await App.WithDbAsync(db => db.Set<AuditEvent>().Where(x => x.SubjectId == id).OrderBy(x => x.Sequence).ToListAsync());
        Assert.Equal(AuditEventType.IncidentCreated, audit[0].Type);
        Assert.Equal(32, audit[0].DataHash?.Length);
        Assert.Contains(audit, x => x.Type == AuditEventType.IncidentRead && x.ActorId == outreach.User.Id);
    }

    [Fact]
    public async Task Situation3_WorkingForFood_IsRecordedFaithfully()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);

        var incident = await LoadAsync(await Situations.RecordAsync(coordinator, Situations.WorkingForFood(Day)));

        Assert.Equal(["TP-DOC", "TP-FRC", "TP-WAG"], incident.Violations.Select(v => v.Code));
        Assert.Empty(incident.People);
        Assert.Equal(4, incident.UnnamedPeople);
        var pimp = Assert.Single(incident.Perpetrators);
        Assert.Equal(("PIM", 2, "Марат по кличке Бек", "+7 701 555 12 34"), (pimp.CategoryCode, pimp.Count, pimp.Name, pimp.Phones));
        Assert.False(incident.DocumentsReturned);
        Assert.Equal(("OUTREACH", "SECOND"), (incident.SourceCode, incident.ReliabilityCode));
    }

    [Fact]
    public async Task Situation4_LeavingAPimp_IsRecordedFaithfully()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);

        var incident = await LoadAsync(await Situations.RecordAsync(coordinator, Situations.LeavingAPimp(Day)));

        Assert.Equal(["TP-FRC", "TP-VIO", "TP-WAG"], incident.Violations.Select(v => v.Code));
        Assert.Equal(2, incident.People.Count);
        Assert.Equal(("POLICE", "OTHER-CHARGES"), (incident.ComplaintCode, incident.OutcomeCode));
        Assert.Equal("Ножевые ранения у обеих", incident.Injuries);
        Assert.Equal(IncidentStatus.Closed, incident.Status);
        Assert.Equal(["Алия", "Дина"], (await App.WithDbAsync(db => db.Members.ToListAsync())).Select(m => m.WorkingName).Order());
    }

    [Fact]
    public async Task Situation6_Raid_IsRecordedFaithfully()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);

        var incident = await LoadAsync(await Situations.RecordAsync(coordinator, Situations.Raid(Day)));

        Assert.Equal(["ST-DEP", "ST-SXC"], incident.Violations.Select(v => v.Code));
        Assert.Equal(8, incident.PeopleCount);
        Assert.Equal(ConsentValue.Yes, Assert.Single(incident.People).Consent("ALERT"));
        Assert.Equal(2, incident.Perpetrators.Count);
        var officer = incident.Perpetrators.Single(p => p.CategoryCode == "POL");
        Assert.Equal(("капитан", "KZ 0417", "123 ABC 01"), (officer.Rank, officer.Badge, officer.Plate));
        Assert.Equal((3, "ACC"), (incident.Perpetrators.Single(p => p.CategoryCode == "MIG").Count, incident.Perpetrators.Single(p => p.CategoryCode == "MIG").InvolvementCode));
        Assert.Equal((5_000_000L, "KZT"), (incident.MoneyExtortedMinor, incident.Currency));
        Assert.Equal(IncidentStatus.NeedsFollowUp, incident.Status);
    }

    [Fact]
    public async Task BadInput_IsRefusedBesideTheFields_KeepsEverythingTyped_AndSavesNothing()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var fields = Situations.Raid(Day)
            .Where(f => f.Key is not "Input.OccurredOn" and not "Input.CityCode")
            .Append(new("Input.OccurredOn", TestClock.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("Input.CityCode", "ATLANTIS"))
            .Append(new("Input.DurationDays", "-2"))
            .Append(new("Input.Injuries", new string('x', IncidentRules.MaxNoteLength + 1)))
            .ToList();

        using var response = await outreach.PostFieldsAsync("/staff/incidents/new?lang=en", fields, "/staff/incidents/new?lang=en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This date is in the future.", html, StringComparison.Ordinal);
        Assert.Contains("Choose one of the options in the list.", html, StringComparison.Ordinal);
        Assert.Contains("This cannot be negative.", html, StringComparison.Ordinal);
        Assert.Contains("This is too long.", html, StringComparison.Ordinal);
        Assert.Contains("Каждую субботу требует встречи", html, StringComparison.Ordinal);
        Assert.Contains("value=\"KZ 0417\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Лола\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Incidents.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Members.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.RecordKeys.CountAsync(k => k.DataClass != "staff")));
    }

    [Fact]
    public async Task AValueThatCannotBeRead_IsShownWithItsMessage_AndNothingIsSaved()
    {
        // Before the one field list, a number field with letters was dropped silently and the rest was saved.
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var fields = Situations.Raid(Day).Where(f => f.Key is not "Input.DaysDetained").Append(new("Input.DaysDetained", "six")).ToList();

        using var response = await outreach.PostFieldsAsync("/staff/incidents/new?lang=en", fields, "/staff/incidents/new?lang=en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"six\"", html, StringComparison.Ordinal);
        Assert.Contains("This value is not valid here.", html, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Incidents.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task MoneyThatIsNotANumber_SubmittedTwice_SavesNothing_AndTheCorrectedFormSavesOnce()
    {
        // The outside test: "abc" in the money field saved the incident and showed an error; sending again made a second one.
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var fields = Situations.Raid(Day).Where(f => f.Key is not "Input.MoneyExtorted").Append(new("Input.MoneyExtorted", "abc")).ToList();

        using var first = await outreach.PostFieldsAsync("/staff/incidents/new?lang=ru", fields, "/staff/incidents/new?lang=ru");
        using var second = await outreach.PostFieldsAsync("/staff/incidents/new?lang=ru", fields, "/staff/incidents/new?lang=ru");
        var html = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("value=\"abc\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Incidents.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.IncidentRevisions.CountAsync()));

        var corrected = fields.Where(f => f.Key is not "Input.MoneyExtorted").Append(new("Input.MoneyExtorted", "50000")).ToList();
        using var saved = await outreach.PostFieldsAsync("/staff/incidents/new", corrected, "/staff/incidents/new");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task AddAnotherPerpetrator_AndRemoveAPerson_KeepWhatWasTyped_WithoutSaving()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var fields = Situations.LeavingAPimp(Day).Append(new("Input.Perpetrators[0].Name", "Бек")).ToList();

        using var added = await outreach.PostFieldsAsync("/staff/incidents/new", fields, "/staff/incidents/new?handler=AddPerpetrator");
        using var removed = await outreach.PostFieldsAsync("/staff/incidents/new", fields, "/staff/incidents/new?handler=RemovePerson&index=0");
        var afterAdd = await added.Content.ReadAsStringAsync();
        var afterRemove = await removed.Content.ReadAsStringAsync();

        Assert.Contains("name=\"Input.Perpetrators[1].CategoryCode\"", afterAdd, StringComparison.Ordinal);
        Assert.Contains("value=\"Бек\"", afterAdd, StringComparison.Ordinal);
        Assert.Contains("Ножевые ранения у обеих", afterAdd, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Дина\"", afterRemove, StringComparison.Ordinal);
        Assert.Contains("value=\"Алия\"", afterRemove, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task Scopes_FollowTheRolesTable()
    {
        var author = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var colleague = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var lawyer = await StaffClient.SignInNewAsync(App, StaffRoles.Lawyer);
        var analyst = await StaffClient.SignInNewAsync(App, StaffRoles.Analyst);
        var mine = await Situations.RecordAsync(author, Situations.DocumentCheck(Day));
        var coordinators = await Situations.RecordAsync(coordinator, Situations.Raid(Day));

        Assert.Equal([mine], await ListedAsync(author));
        Assert.Empty(await ListedAsync(colleague));
        Assert.Equal(new[] { coordinators, mine }.Order(), (await ListedAsync(coordinator)).Order());
        Assert.Empty(await ListedAsync(lawyer));
        Assert.Equal(HttpStatusCode.NotFound, (await author.Http.GetAsync(new Uri($"/staff/incidents/{coordinators}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Http.GetAsync(new Uri($"/staff/incidents/{mine}/edit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lawyer.Http.GetAsync(new Uri($"/staff/incidents/{mine}", UriKind.Relative))).StatusCode);
        using (var analystList = await analyst.Http.GetAsync(new Uri("/staff/incidents", UriKind.Relative)))
        {
            Assert.Equal("/staff/denied", new Uri(new Uri("http://x"), analystList.Headers.Location!).AbsolutePath);
        }

        using var assigned = await coordinator.PostFormAsync($"/staff/incidents/{mine}", new() { ["LawyerId"] = lawyer.User.Id.ToString() }, $"/staff/incidents/{mine}?handler=Assign");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal([mine], await ListedAsync(lawyer));
        Assert.Equal(HttpStatusCode.OK, (await lawyer.Http.GetAsync(new Uri($"/staff/incidents/{mine}", UriKind.Relative))).StatusCode);
        using var outreachAssigns = await author.PostFormAsync($"/staff/incidents/{mine}", new() { ["LawyerId"] = string.Empty }, $"/staff/incidents/{mine}?handler=Assign");
        Assert.Equal(HttpStatusCode.NotFound, outreachAssigns.StatusCode);
        Assert.Equal(lawyer.User.Id, (await LoadAsync(mine)).AssignedLawyerId);
    }

    [Fact]
    public async Task HandOver_GivesALeavingWorkersIncidentsAndMembersToAColleague()
    {
        var leaving = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var colleague = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var first = await Situations.RecordAsync(leaving, Situations.DocumentCheck(Day));
        var second = await Situations.RecordAsync(leaving, Situations.LeavingAPimp(Day));
        await Situations.RecordAsync(coordinator, Situations.Raid(Day));
        Assert.Empty(await ListedAsync(colleague));

        using var same = await coordinator.PostFormAsync("/staff/handover?lang=en", new() { ["FromId"] = leaving.User.Id.ToString(), ["ToId"] = leaving.User.Id.ToString() });
        using var handed = await coordinator.PostFormAsync("/staff/handover", new() { ["FromId"] = leaving.User.Id.ToString(), ["ToId"] = colleague.User.Id.ToString() });
        using var byOutreach = await leaving.Http.GetAsync(new Uri("/staff/handover", UriKind.Relative));

        Assert.Contains("Choose a different colleague.", await same.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);
        Assert.Equal(new[] { first, second }.Order(), (await ListedAsync(colleague)).Order());
        using var edit = await colleague.Http.GetAsync(new Uri($"/staff/incidents/{first}/edit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("/staff/denied", new Uri(new Uri("http://x"), byOutreach.Headers.Location!).AbsolutePath);
        var audit = await App.WithDbAsync(db => db.Set<AuditEvent>().SingleAsync(x => x.Type == AuditEventType.RecordsHandedOver));
        Assert.Equal((colleague.User.Id, 2L, coordinator.User.Id), (audit.SubjectId!.Value, audit.Value!.Value, audit.ActorId!.Value));
        // The members she registered go with them.
        var member = await App.WithDbAsync(db => db.Members.FirstAsync(m => m.CreatedById == leaving.User.Id));
        using var memberPage = await colleague.Http.GetAsync(new Uri($"/staff/members/{member.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, memberPage.StatusCode);
    }

    [Fact]
    public async Task Editing_AddsAVersion_ToTheHistory_WithValuesForCoordinatorsOnly()
    {
        var author = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var id = await Situations.RecordAsync(author, Situations.DocumentCheck(Day));
        var edited = Situations.DocumentCheck(Day)
            .Where(f => f.Key is not "Input.Status" and not "Input.Narrative" and not "Input.People[0].WorkingName")
            .Append(new("Input.Status", "Closed"))
            .Append(new("Input.Narrative", "Исправлено: держали пять дней."))
            .Append(new("Input.People[0].Id", (await LoadAsync(id)).People[0].Id.ToString()))
            .Append(new("Input.People[0].MemberId", (await LoadAsync(id)).People[0].MemberId!.Value.ToString()))
            .ToList();
        edited.RemoveAll(f => f.Key is "Input.People[0].Consents[ALERT]" or "Input.People[0].Consents[STATS]");
        edited.Add(new("Input.People[0].Consents[ALERT]", "Yes"));
        edited.Add(new("Input.People[0].Consents[STATS]", "No"));

        using var saved = await author.PostFieldsAsync($"/staff/incidents/{id}/edit", edited);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var revisions = await App.WithDbAsync(db => db.IncidentRevisions.Where(x => x.IncidentId == id).OrderBy(x => x.Version).ToListAsync());
        Assert.Equal([1, 2], revisions.Select(r => r.Version));
        Assert.Equal(["Narrative", "People", "Status"], revisions[1].Fields.Split(','));
        var incident = await LoadAsync(id);
        Assert.Equal(ConsentValue.Yes, incident.People[0].Consent("ALERT"));
        // A withdrawal is a new answer; the earlier YES stays in the history with its date.
        Assert.Equal(ConsentValue.No, incident.People[0].Consent("STATS"));
        Assert.Equal([ConsentValue.Yes, ConsentValue.No], incident.People[0].Consents.Where(c => c.Scope == "STATS").OrderBy(c => c.RecordedAtUtc).ThenBy(c => c.Id).Select(c => c.Value));
        Assert.Equal(1, await App.WithDbAsync(db => db.Members.CountAsync()));
        var forCoordinator = await coordinator.Http.GetStringAsync(new Uri($"/staff/incidents/{id}", UriKind.Relative));
        var forAuthor = await author.Http.GetStringAsync(new Uri($"/staff/incidents/{id}", UriKind.Relative));
        Assert.Contains("<del>Забрали паспорта «для проверки»", forCoordinator, StringComparison.Ordinal);
        Assert.DoesNotContain("<del>", forAuthor, StringComparison.Ordinal);
        var audit = await App.WithDbAsync(db => db.Set<AuditEvent>().Where(x => x.SubjectId == id && x.Type == AuditEventType.IncidentUpdated).SingleAsync());
        Assert.Equal(revisions[1].Hash, audit.DataHash);
    }


    private Task<Incident> LoadAsync(Guid id) => App.WithDbAsync(db => db.Incidents
        .Include(x => x.Violations).Include(x => x.Perpetrators).Include(x => x.People).ThenInclude(p => p.Consents)
        .AsSplitQuery().SingleAsync(x => x.Id == id));

    private static async Task<List<Guid>> ListedAsync(StaffClient staff)
    {
        var html = await staff.Http.GetStringAsync(new Uri("/staff/incidents", UriKind.Relative));
        return [.. System.Text.RegularExpressions.Regex.Matches(html, "href=\"/staff/incidents/([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).Distinct()];
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : IncidentTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : IncidentTests(app);
}
