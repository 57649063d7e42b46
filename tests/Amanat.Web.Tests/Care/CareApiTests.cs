using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Care;

/// <summary>Referrals and the shelter through the API, with the pages' rules and scopes.</summary>
public abstract class CareApiTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Referrals_AndShelterStays_ThroughTheApi()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        using var provider = await coordinator.PostFormAsync("/staff/directory/new", DirectoryTests.Clinic());
        var providerId = await App.WithDbAsync(db => db.Providers.Select(p => p.Id).SingleAsync());
        var outreach = await StaffClient.TokenClientAsync(App, StaffRoles.Outreach);
        outreach.DefaultRequestHeaders.AcceptLanguage.ParseAdd("uz");
        var other = await StaffClient.TokenClientAsync(App, StaffRoles.Outreach);
        using var created = await outreach.PostJsonAsync("/api/v1/members", """{ "workingName": "Malika", "servicesConsent": "No" }""");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var refer = $$"""{ "providerId": "{{providerId}}", "serviceCode": "MED-GYN" }""";

        using var noConsent = await outreach.PostJsonAsync($"/api/v1/members/{id}/referrals", refer);
        using var consented = await outreach.PutJsonAsync($"/api/v1/members/{id}", """{ "workingName": "Malika", "servicesConsent": "Yes" }""");
        using var referred = await outreach.PostJsonAsync($"/api/v1/members/{id}/referrals", refer);
        var referral = await referred.Content.ReadFromJsonAsync<JsonElement>();
        using var byOther = await other.PutJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}", """{ "status": "Done" }""");
        using var accepted = await outreach.PutJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}", """{ "status": "Accepted" }""");
        var open = await outreach.GetFromJsonAsync<JsonElement>("/api/v1/referrals");
        var othersOpen = await other.GetFromJsonAsync<JsonElement>("/api/v1/referrals");

        Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        Assert.StartsWith("U yoʻnaltirishga rozilik bermagan", (await noConsent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Consent")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, consented.StatusCode);
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Accepted", open[0].GetProperty("status").GetString());
        Assert.Equal(0, othersOpen.GetArrayLength());

        using var checkIn = await outreach.PostJsonAsync($"/api/v1/members/{id}/shelter/check-in", "{}");
        using var twice = await outreach.PostJsonAsync($"/api/v1/members/{id}/shelter/check-in", "{}");
        var shelter = await outreach.GetFromJsonAsync<JsonElement>("/api/v1/shelter");
        var othersShelter = await other.GetFromJsonAsync<JsonElement>("/api/v1/shelter");
        using var checkOut = await outreach.PostJsonAsync($"/api/v1/members/{id}/shelter/check-out", "{}");

        Assert.Equal(HttpStatusCode.NoContent, checkIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal((2, 1), (shelter.GetProperty("beds").GetInt32(), shelter.GetProperty("taken").GetInt32()));
        Assert.Equal(id, shelter.GetProperty("stays")[0].GetProperty("memberId").GetGuid());
        Assert.Equal(JsonValueKind.Null, othersShelter.GetProperty("stays")[0].GetProperty("memberId").ValueKind); // counted, not named
        Assert.Equal(HttpStatusCode.NoContent, checkOut.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.ServiceRecords.CountAsync(s => s.Nights == 1)));
    }


    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : CareApiTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : CareApiTests(app);
}
