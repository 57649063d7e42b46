using System.Net;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Care;

/// <summary>Outreach tallies: anonymous counts, UICs told apart as new or returning, materials, month totals.</summary>
public abstract class OutreachTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task AShiftIsCounted_UicsSeenBeforeAreReturning_AndTheMonthAddsUp()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var colleague = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        // A member registered earlier: her UIC makes her "returning" when met on a shift.
        using var member = await outreach.PostFormAsync("/staff/members/new", new() { ["Input.WorkingName"] = "Лола", ["Input.BirthYear"] = "1993", ["Input.Sex"] = "Female", ["Input.MotherName"] = "Нигора", ["Input.FatherName"] = "Бахтиёр" });
        var shift = new Dictionary<string, string>
        {
            ["Input.CityCode"] = "SHY",
            ["Input.AnonymousNew"] = "3",
            ["Input.AnonymousReturning"] = "2",
            ["Input.People[0].Sex"] = "Female", ["Input.People[0].BirthYear"] = "1993", ["Input.People[0].MotherName"] = "Ni", ["Input.People[0].FatherName"] = "Ba",
            ["Input.People[1].Sex"] = "Female", ["Input.People[1].BirthYear"] = "2001", ["Input.People[1].MotherName"] = "Гу", ["Input.People[1].FatherName"] = "Ер",
            ["Input.Condoms"] = "40",
            ["Input.Leaflets"] = "5",
        };

        using var saved = await outreach.PostFormAsync("/staff/outreach", shift);
        using var second = await colleague.PostFormAsync("/staff/outreach", new() { ["Input.CityCode"] = "SHY", ["Input.People[0].Sex"] = "Female", ["Input.People[0].BirthYear"] = "2001", ["Input.People[0].MotherName"] = "Gu", ["Input.People[0].FatherName"] = "Er" });

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (saved.StatusCode, second.StatusCode));
        var shifts = await App.WithDbAsync(db => db.OutreachShifts.Include(s => s.Contacts).OrderBy(s => s.CreatedAtUtc).ThenBy(s => s.Id).ToListAsync());
        var first = shifts.Single(s => s.ById == outreach.User.Id);
        Assert.Equal((7, 4, 1, 1), (first.PeopleReached, first.AnonymousNew + first.KnownNew, first.KnownReturning, first.KnownNew));
        Assert.Equal(0, shifts.Single(s => s.ById == colleague.User.Id).KnownNew); // met on the first shift already
        var page = await outreach.Http.GetStringAsync(new Uri("/staff/outreach?lang=uz", UriKind.Relative));
        Assert.Contains("<dt>Qamrab olingan odamlar</dt><dd>7</dd>", page, StringComparison.Ordinal); // her own shift only
        Assert.Contains("<dt>Prezervativlar</dt><dd>40</dd>", page, StringComparison.Ordinal);
        var stored = await App.WithDbAsync(db => db.OutreachShifts.CountAsync());
        Assert.Equal(2, stored);
    }

    [Fact]
    public async Task AnEmptyOrBadShift_IsRefusedWithLocalizedMessages()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);

        using var empty = await outreach.PostFormAsync("/staff/outreach?lang=ru", new() { ["Input.CityCode"] = "SHY" }, "/staff/outreach?lang=ru");
        using var half = await outreach.PostFormAsync("/staff/outreach?lang=en", new() { ["Input.CityCode"] = "SHY", ["Input.AnonymousNew"] = "-1", ["Input.People[0].MotherName"] = "Ай" }, "/staff/outreach?lang=en");

        Assert.Contains("Укажите хотя бы одного охваченного человека.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await half.Content.ReadAsStringAsync();
        Assert.Contains("Needed for the UIC: give all parts, or none.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Ай\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.OutreachShifts.CountAsync()));
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : OutreachTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : OutreachTests(app);
}
