using System.Net;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Incidents;

/// <summary>The lists are data: seeded in four languages, extended, relabelled and retired by coordinators.</summary>
public abstract class VocabularyTests(AmanatApp app) : IntegrationTest(app)
{
    private static readonly DateOnly Day = DateOnly.FromDateTime(TestClock.UtcNow.AddDays(-5));

    [Fact]
    public async Task Seed_HoldsTheTypology_InFourLanguages()
    {
        var entries = await App.WithDbAsync(db => db.VocabularyEntries.ToListAsync());

        Assert.Equal(31, entries.Count(e => e.Kind == VocabularyKind.Violation));
        Assert.Equal(12, entries.Count(e => e.Kind == VocabularyKind.Perpetrator));
        Assert.Equal(13, entries.Count(e => e.Kind == VocabularyKind.Response));
        Assert.Equal(5, entries.Count(e => e.Kind == VocabularyKind.Consent));
        Assert.All(entries, e => Assert.All(new[] { e.LabelEn, e.LabelRu, e.LabelKk, e.LabelUz }, label => Assert.False(string.IsNullOrWhiteSpace(label), e.Code)));
        var taldykorgan = entries.Single(e => e is { Kind: VocabularyKind.City, Code: "TAL" });
        Assert.Equal(("Талдыкорган", "Талдықорған", "Taldykorgan"), (taldykorgan.LabelRu, taldykorgan.LabelKk, taldykorgan.LabelEn));
    }

    [Fact]
    public async Task CoordinatorAddsAStation_ItIsOfferedOnTheForm_AndCountsAsACode()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);

        using var added = await coordinator.PostFormAsync("/staff/vocabularies?kind=Station", new()
        {
            ["Kind"] = "Station", ["Code"] = "tal-rovd-2", ["ParentCode"] = "TAL",
            ["Labels.Ru"] = "РОВД №2 у вокзала", ["Labels.Kk"] = "№2 АІБ вокзал жанында", ["Labels.En"] = "District police No. 2 by the station",
        });
        var form = await coordinator.Http.GetStringAsync(new Uri("/staff/incidents/new?lang=ru", UriKind.Relative));
        var fields = Situations.DocumentCheck(Day).Append(new("Input.StationCode", "TAL-ROVD-2")).ToList();
        using var created = await coordinator.PostFieldsAsync("/staff/incidents/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("РОВД №2 у вокзала (Талдыкорган)", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("TAL-ROVD-2", (await App.WithDbAsync(db => db.Incidents.SingleAsync())).StationCode);
    }

    [Fact]
    public async Task BadEntries_AreRefusedWithAReason()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);

        using var badCode = await coordinator.PostFormAsync("/staff/vocabularies?kind=Place&lang=en", new() { ["Kind"] = "Place", ["Code"] = "станция", ["Labels.Ru"] = "x" });
        using var taken = await coordinator.PostFormAsync("/staff/vocabularies?kind=Place&lang=en", new() { ["Kind"] = "Place", ["Code"] = "SAUNA", ["Labels.Ru"] = "x" });
        using var noLabel = await coordinator.PostFormAsync("/staff/vocabularies?kind=Place&lang=en", new() { ["Kind"] = "Place", ["Code"] = "PARK" });
        using var noCity = await coordinator.PostFormAsync("/staff/vocabularies?kind=Station&lang=en", new() { ["Kind"] = "Station", ["Code"] = "X-1", ["Labels.Ru"] = "x" });

        Assert.Contains("capital Latin letters", await badCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("already exists", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Russian or English", await noLabel.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Please fill this in.", await noCity.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noCity.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.VocabularyEntries.CountAsync(e => e.Code == "PARK" || e.Code == "X-1")));
    }

    [Fact]
    public async Task RetiredCode_IsRefusedForNewRecords_ButOldRecordsStillShowAndKeepIt()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var id = await Situations.RecordAsync(coordinator, Situations.DocumentCheck(Day));
        var neglect = await App.WithDbAsync(db => db.VocabularyEntries.SingleAsync(e => e.Code == "ST-NEG"));

        using var relabelled = await coordinator.PostFormAsync($"/staff/vocabularies/{neglect.Id}", new() { ["Labels.Ru"] = "Лишение еды и воды", ["Labels.En"] = "Denied food and water" });
        using var retired = await coordinator.PostFormAsync($"/staff/vocabularies/{neglect.Id}", [], $"/staff/vocabularies/{neglect.Id}?handler=Retire");
        using var refused = await coordinator.PostFieldsAsync("/staff/incidents/new?lang=en", Situations.DocumentCheck(Day), "/staff/incidents/new?lang=en");
        var old = await coordinator.Http.GetStringAsync(new Uri($"/staff/incidents/{id}?lang=ru", UriKind.Relative));
        using var edited = await coordinator.PostFieldsAsync($"/staff/incidents/{id}/edit", Situations.DocumentCheck(Day).Where(f => !f.Key.StartsWith("Input.People", StringComparison.Ordinal)).Append(new("Input.UnnamedPeople", "4")));

        Assert.Equal(HttpStatusCode.Redirect, relabelled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.Contains("Choose one of the options in the list.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Лишение еды и воды", old, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task OutreachWorkers_CannotChangeTheLists()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);

        using var response = await outreach.Http.GetAsync(new Uri("/staff/vocabularies", UriKind.Relative));

        Assert.Equal("/staff/denied", new Uri(new Uri("http://x"), response.Headers.Location!).AbsolutePath);
    }


    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : VocabularyTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : VocabularyTests(app);
}
