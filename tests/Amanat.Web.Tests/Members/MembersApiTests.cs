using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Members;

/// <summary>The members API: the same rules, duplicate warning, scopes and services as the pages.</summary>
public abstract class MembersApiTests(AmanatApp app) : IntegrationTest(app)
{
    private const string Member = """
        { "workingName": "Шахноза", "birthYear": 1998, "nationalityCode": "UZ", "languages": ["uz", "ru"], "cityCode": "ALA",
          "contactChannel": "Phone", "contact": "8 701 555 44 33", "sex": "Female", "motherName": "Мадина", "fatherName": "Рустам" }
        """;

    [Fact]
    public async Task AMember_IsCreated_WarnedAsADuplicate_Found_AndHelped()
    {
        var outreach = await StaffClient.TokenClientAsync(App, StaffRoles.Outreach);
        var colleague = await StaffClient.TokenClientAsync(App, StaffRoles.Outreach);
        colleague.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");

        using var created = await outreach.PostJsonAsync("/api/v1/members", Member);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetGuid();
        // The same woman, her parents' names in Latin letters, her number written another way.
        var again = Member.Replace("Шахноза", "Shahnoza", StringComparison.Ordinal).Replace("Мадина", "Madina", StringComparison.Ordinal)
            .Replace("Рустам", "Rustam", StringComparison.Ordinal).Replace("8 701 555 44 33", "+77015554433", StringComparison.Ordinal);
        using var conflict = await colleague.PostJsonAsync("/api/v1/members", again);
        using var ownConflict = await outreach.PostJsonAsync("/api/v1/members", again);
        using var anyway = await colleague.PostJsonAsync("/api/v1/members?despiteDuplicates=true", again);
        using var found = await colleague.PostJsonAsync("/api/v1/members/find", """{ "sex": "Female", "birthYear": 1998, "motherName": "MA", "fatherName": "ру" }""");
        using var closed = await colleague.GetAsync(new Uri($"/api/v1/members/{id}", UriKind.Relative));
        using var service = await outreach.PostJsonAsync($"/api/v1/members/{id}/services", """{ "code": "DOC", "provider": "Консульство" }""");
        var services = await outreach.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}/services");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(view.GetProperty("hasUic").GetBoolean());
        Assert.False(view.TryGetProperty("uicIndex", out _));
        Assert.Equal(["ru", "uz"], view.GetProperty("languages").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var duplicate = await conflict.Content.ReadFromJsonAsync<JsonElement>();
        // Her colleague's member: said to exist, not named.
        Assert.Equal(0, duplicate.GetProperty("duplicates").GetArrayLength());
        Assert.Equal(1, duplicate.GetProperty("outsideScope").GetInt32());
        Assert.DoesNotContain("Шахноза", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Возможный дубликат есть среди участниц", duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var own = await ownConflict.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Шахноза", own.GetProperty("duplicates")[0].GetString());
        Assert.Equal(0, own.GetProperty("outsideScope").GetInt32());
        Assert.StartsWith("Проверьте, не зарегистрирована ли она уже", duplicate.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, anyway.StatusCode);
        var matches = await found.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, matches.GetArrayLength());
        Assert.Equal(["id", "workingName"], matches[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, service.StatusCode);
        Assert.Equal("Консульство", services[0].GetProperty("provider").GetString());
        Assert.Equal(2, await App.WithDbAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task BadInput_AnswersLocalizedMessagesPerField_AndStoresNothing()
    {
        var outreach = await StaffClient.TokenClientAsync(App, StaffRoles.Outreach);
        outreach.DefaultRequestHeaders.AcceptLanguage.ParseAdd("kk");
        var lawyer = await StaffClient.TokenClientAsync(App, StaffRoles.Lawyer);

        using var refused = await outreach.PostJsonAsync("/api/v1/members", """{ "workingName": "", "birthYear": 1800, "cityCode": "MARS", "sex": "Female", "motherName": "М" }""");
        using var notJson = await outreach.PostJsonAsync("/api/v1/members", "{ nope");
        using var byLawyer = await lawyer.PostJsonAsync("/api/v1/members", Member);
        using var created = await outreach.PostJsonAsync("/api/v1/members", Member);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var badService = await outreach.PostJsonAsync($"/api/v1/members/{id}/services", $$"""{ "code": "NOPE", "nights": 0, "incidentId": "{{Guid.NewGuid()}}" }""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("WorkingName", out _));
        Assert.True(errors.TryGetProperty("BirthYear", out _));
        Assert.True(errors.TryGetProperty("CityCode", out _));
        Assert.StartsWith("БСК үшін қажет", errors.GetProperty("MotherName")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byLawyer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badService.StatusCode);
        Assert.True((await badService.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("IncidentId", out _));
        Assert.Equal(1, await App.WithDbAsync(db => db.Members.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.ServiceRecords.CountAsync()));
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : MembersApiTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : MembersApiTests(app);
}
