using System.Net;
using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Members;

/// <summary>Registering, finding and helping members through the pages, on both databases.</summary>
public abstract class MemberTests(AmanatApp app) : IntegrationTest(app)
{
    private static Dictionary<string, string> Gulnara(string mother = "Гульнара", string father = "Ерлан") => new()
    {
        ["Input.WorkingName"] = "Гуля",
        ["Input.BirthYear"] = "1995",
        ["Input.NationalityCode"] = "UZ",
        ["Input.CityCode"] = "ALA",
        ["Input.Languages"] = "uz",
        ["Input.ContactChannel"] = "Telegram",
        ["Input.Contact"] = "@gulya_95",
        ["Input.Notes"] = "Приходит по вторникам",
        ["Input.Sex"] = "Female",
        ["Input.MotherName"] = mother,
        ["Input.FatherName"] = father,
    };

    [Fact]
    public async Task AMember_IsRegistered_WithHerUicOnlyAsAHash_AndHerHelpIsRecorded()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);

        using var created = await outreach.PostFormAsync("/staff/members/new", Gulnara());

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var member = await App.WithDbAsync(db => db.Members.SingleAsync());
        Assert.Equal(("Гуля", 1995, "UZ", "ALA", "uz", "@gulya_95"), (member.WorkingName, member.BirthYear, member.NationalityCode, member.CityCode, member.Languages, member.Contact));
        Assert.Equal(32, member.UicIndex?.Length);
        using var service = await outreach.PostFormAsync($"/staff/members/{member.Id}", new() { ["Service.Code"] = "MED-GYN", ["Service.Provider"] = "Клиника на Абая" }, $"/staff/members/{member.Id}?handler=Service");
        Assert.Equal(HttpStatusCode.Redirect, service.StatusCode);

        var page = await outreach.Http.GetStringAsync(new Uri($"/staff/members/{member.Id}?lang=uz", UriKind.Relative));
        Assert.Contains("Гуля", page, StringComparison.Ordinal);
        Assert.Contains("yozilgan (faqat xesh sifatida saqlanadi)", page, StringComparison.Ordinal);
        Assert.Contains("Клиника на Абая", page, StringComparison.Ordinal);
        Assert.Contains("Olgan yordami (1)", page, StringComparison.Ordinal);
        Assert.Equal(member.Id, (await App.WithDbAsync(db => db.ServiceRecords.SingleAsync())).MemberId);
        Assert.Contains(await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(a => a.Sequence).Select(x => x.Type).ToListAsync()), t => t == AuditEventType.MemberRead);
    }

    [Fact]
    public async Task TheSameUic_WrittenInAnotherAlphabet_WarnsOfADuplicate_WithoutNamingAColleaguesMember_AndKeepsTheForm()
    {
        var first = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var second = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        using var created = await first.PostFormAsync("/staff/members/new", Gulnara());
        var latin = Gulnara("Gu", "Er");
        latin["Input.WorkingName"] = "Gulya";
        latin["Input.Contact"] = "+7 701 000 11 22";

        using var warned = await second.PostFormAsync("/staff/members/new?lang=ru", latin, "/staff/members/new?lang=ru");

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await warned.Content.ReadAsStringAsync();
        Assert.Contains("Возможно, она уже зарегистрирована", page, StringComparison.Ordinal);
        // Not hers to open: it exists, and who she is stays with the colleague and the coordinators.
        Assert.DoesNotContain("Гуля", page, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Headers.Location!.OriginalString.Split('?')[0], page, StringComparison.Ordinal);
        Assert.Contains("Возможный дубликат есть среди участниц, которых вы не можете открыть. Спросите координатора", page, StringComparison.Ordinal);
        Assert.Contains("Сначала спросите координатора или подтвердите, что это другой человек.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Gulya\"", page, StringComparison.Ordinal);
        Assert.Contains("7 701 000 11 22", page, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.Members.CountAsync()));

        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        using var toTheCoordinator = await coordinator.PostFormAsync("/staff/members/new?lang=ru", latin, "/staff/members/new?lang=ru");
        var coordinatorPage = await toTheCoordinator.Content.ReadAsStringAsync();
        Assert.Contains(">Гуля</a>", coordinatorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("которых вы не можете открыть", coordinatorPage, StringComparison.Ordinal);

        latin["NotADuplicate"] = "true";
        using var confirmed = await second.PostFormAsync("/staff/members/new", latin);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, await App.WithDbAsync(db => db.Members.CountAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(x => x.Type == AuditEventType.MemberCreated && x.Value == 1)));
    }

    [Fact]
    public async Task OutreachFindsAColleaguesMember_ByUic_WithoutOpeningHerRecord()
    {
        var author = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var other = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        using var created = await author.PostFormAsync("/staff/members/new", Gulnara());
        var member = await App.WithDbAsync(db => db.Members.SingleAsync());

        using var found = await other.PostFormAsync("/staff/members?lang=en", new() { ["Find.Sex"] = "Female", ["Find.BirthYear"] = "1995", ["Find.MotherName"] = "gu", ["Find.FatherName"] = "ЕР" }, "/staff/members?handler=Find&lang=en");
        using var byName = await other.PostFormAsync("/staff/members?lang=en", new() { ["Find.WorkingName"] = " гуля " }, "/staff/members?handler=Find&lang=en");
        using var opened = await other.Http.GetAsync(new Uri($"/staff/members/{member.Id}", UriKind.Relative));
        var list = await other.Http.GetStringAsync(new Uri("/staff/members?lang=en", UriKind.Relative));
        var coordinatorOpens = await coordinator.Http.GetAsync(new Uri($"/staff/members/{member.Id}", UriKind.Relative));
        var startIncident = await other.Http.GetStringAsync(new Uri($"/staff/incidents/new?member={member.Id}", UriKind.Relative));

        var foundPage = await found.Content.ReadAsStringAsync();
        Assert.Contains("Found: 1", foundPage, StringComparison.Ordinal);
        Assert.Contains("Гуля", foundPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/staff/members/{member.Id}\"", foundPage, StringComparison.Ordinal);
        Assert.DoesNotContain("@gulya_95", foundPage, StringComparison.Ordinal);
        Assert.Contains("Found: 1", await byName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Contains("Members you can open: 0", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, coordinatorOpens.StatusCode);
        Assert.Contains($"value=\"{member.Id}\"", startIncident, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_GetsLocalizedMessages_AndNothingIsStored()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var bad = Gulnara(mother: "Г");
        bad["Input.WorkingName"] = " ";
        bad["Input.BirthYear"] = "1890";
        bad["Input.CityCode"] = "NOWHERE";

        using var refused = await outreach.PostFormAsync("/staff/members/new?lang=kk", bad, "/staff/members/new?lang=kk");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("БСК үшін қажет", page, StringComparison.Ordinal);
        Assert.Contains("@gulya_95", page, StringComparison.Ordinal); // what she typed is still there
        Assert.Equal(0, await App.WithDbAsync(db => db.Members.CountAsync()));
        using var lawyerList = await (await StaffClient.SignInNewAsync(App, StaffRoles.Lawyer)).Http.GetAsync(new Uri("/staff/members", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, lawyerList.StatusCode);
    }

    [Fact]
    public async Task HelpRecordedOnAnIncident_ForANamedPerson_ShowsOnHerMemberPage_WithTheIncident()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var incident = await Incidents.Situations.RecordAsync(outreach, Incidents.Situations.DocumentCheck(DateOnly.FromDateTime(TestClock.UtcNow.AddDays(-3))));
        var member = await App.WithDbAsync(db => db.Members.SingleAsync());
        var form = await outreach.Http.GetStringAsync(new Uri($"/staff/incidents/{incident}?lang=ru", UriKind.Relative));

        using var forHer = await outreach.PostFormAsync($"/staff/incidents/{incident}", new() { ["Service.Code"] = "PSY", ["ForMemberId"] = member.Id.ToString() }, $"/staff/incidents/{incident}?handler=Response");
        using var unnamed = await outreach.PostFormAsync($"/staff/incidents/{incident}", new() { ["Service.Code"] = "AID", ["ForMemberId"] = string.Empty }, $"/staff/incidents/{incident}?handler=Response");
        using var stranger = await outreach.PostFormAsync($"/staff/incidents/{incident}?lang=en", new() { ["Service.Code"] = "AID", ["ForMemberId"] = Guid.NewGuid().ToString() }, $"/staff/incidents/{incident}?handler=Response&lang=en");

        Assert.Contains("Кому", form, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.OK), (forHer.StatusCode, unnamed.StatusCode, stranger.StatusCode));
        var page = await outreach.Http.GetStringAsync(new Uri($"/staff/members/{member.Id}?lang=ru", UriKind.Relative));
        Assert.Contains("Полученная помощь (1)", page, StringComparison.Ordinal);
        Assert.Contains("Случаи (1)", page, StringComparison.Ordinal);
        Assert.Contains($"/staff/incidents/{incident}", page, StringComparison.Ordinal);
        Assert.Equal(2, await App.WithDbAsync(db => db.ServiceRecords.CountAsync()));
    }

    [Fact]
    public async Task ALawyer_OpensThePeopleOfHerAssignedIncidents_ReadOnly_AndNoOneElse()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var lawyer = await StaffClient.SignInNewAsync(App, StaffRoles.Lawyer);
        var incident = await Incidents.Situations.RecordAsync(outreach, Incidents.Situations.DocumentCheck(DateOnly.FromDateTime(TestClock.UtcNow.AddDays(-3))));
        using var other = await outreach.PostFormAsync("/staff/members/new", new() { ["Input.WorkingName"] = "Другая" });
        var members = await App.WithDbAsync(db => db.Members.ToListAsync());
        var inIncident = members.Single(m => m.WorkingName == "Гульнара").Id;
        var notHers = members.Single(m => m.WorkingName == "Другая").Id;

        using var before = await lawyer.Http.GetAsync(new Uri($"/staff/members/{inIncident}", UriKind.Relative));
        using var assigned = await coordinator.PostFormAsync($"/staff/incidents/{incident}", new() { ["LawyerId"] = lawyer.User.Id.ToString() }, $"/staff/incidents/{incident}?handler=Assign");
        using var after = await lawyer.Http.GetAsync(new Uri($"/staff/members/{inIncident}", UriKind.Relative));
        using var stranger = await lawyer.Http.GetAsync(new Uri($"/staff/members/{notHers}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var page = await after.Content.ReadAsStringAsync();
        Assert.Contains("Гульнара", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/staff/members/{inIncident}/edit", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Service", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }

    [Fact]
    public async Task LettersInTheYear_GetALocalizedMessage_NotTheFrameworksEnglish()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var bad = Gulnara();
        bad["Input.BirthYear"] = "nineteen";

        using var refused = await outreach.PostFormAsync("/staff/members/new?lang=uz", bad, "/staff/members/new?lang=uz");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Bu yerda bu qiymat mos emas.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid for", page, StringComparison.Ordinal);
        Assert.Contains("@gulya_95", page, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Members.CountAsync()));
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : MemberTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : MemberTests(app);
}
