using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Incidents;

/// <summary><c>/api/v1/incidents</c> with personal tokens: the same rules, messages, scopes, history and audit as the pages.</summary>
public abstract class IncidentsApiTests(AmanatApp app) : IntegrationTest(app)
{
    private static readonly string Day = TestClock.UtcNow.AddDays(-9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Raid(string narrative = "Каждую субботу требует встречи.") => $$"""
        {
          "occurredOn": "{{Day}}", "cityCode": "AST", "placeCode": "SAUNA", "unnamedPeople": 7,
          "violations": ["ST-SXC", "ST-DEP"],
          "perpetrators": [{ "categoryCode": "POL", "rank": "капитан", "badge": "KZ 0417", "phones": "8 (701) 123-45-67" }],
          "people": [{ "workingName": "Лола", "consents": { "ALERT": "Yes", "STATS": "No" } }],
          "moneyExtortedMinor": 5000000, "currency": "KZT", "status": "NeedsFollowUp", "narrative": "{{narrative}}"
        }
        """;

    [Fact]
    public async Task Create_Read_List_Update_ThroughTheApi()
    {
        var coordinator = await ClientAsync(StaffRoles.Coordinator);

        using var created = await PostAsync(coordinator, "/api/v1/incidents", Raid());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/incidents/{id}", created.Headers.Location?.ToString());
        Assert.Equal("Лола", view.GetProperty("people")[0].GetProperty("workingName").GetString());

        var read = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{id}");
        Assert.Equal("KZ 0417", read.GetProperty("content").GetProperty("perpetrators")[0].GetProperty("badge").GetString());
        Assert.Equal("Yes", read.GetProperty("people")[0].GetProperty("consents").GetProperty("ALERT").GetString());
        Assert.Equal(5_000_000, read.GetProperty("content").GetProperty("moneyExtortedMinor").GetInt64());

        var list = await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/incidents?city=AST&violation=ST-SXC");
        var none = await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/incidents?city=ALA");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(8, list.GetProperty("items")[0].GetProperty("people").GetInt32());
        Assert.Equal(0, none.GetProperty("total").GetInt32());

        var personId = read.GetProperty("people")[0].GetProperty("id").GetGuid();
        var memberId = read.GetProperty("people")[0].GetProperty("memberId").GetGuid();
        var update = Raid("Исправлено.").Replace("\"workingName\": \"Лола\"", $"\"id\": \"{personId}\", \"memberId\": \"{memberId}\"", StringComparison.Ordinal);
        using var updated = await SendAsync(coordinator, HttpMethod.Put, $"/api/v1/incidents/{id}", update);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(["Narrative"], (await App.WithDbAsync(db => db.IncidentRevisions.SingleAsync(x => x.Version == 2))).Fields.Split(','));
        var audit = await App.WithDbAsync(db => db.Set<AuditEvent>().Where(x => x.SubjectId == id).OrderBy(x => x.Sequence).Select(x => x.Type).ToListAsync());
        Assert.Equal([AuditEventType.IncidentCreated, AuditEventType.IncidentRead, AuditEventType.IncidentUpdated], audit);
        Assert.Equal(1, await App.WithDbAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task BadInput_Answers400_WithALocalizedMessagePerField_AndSavesNothing()
    {
        var outreach = await ClientAsync(StaffRoles.Outreach);
        var bad = Raid().Replace($"\"{Day}\"", "\"2999-01-01\"", StringComparison.Ordinal).Replace("\"AST\"", "\"ATLANTIS\"", StringComparison.Ordinal);

        using var refused = await PostAsync(outreach, "/api/v1/incidents", bad, "ru");
        using var malformed = await PostAsync(outreach, "/api/v1/incidents", "{ \"occurredOn\": ", "en");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Эта дата ещё не наступила.", problem.GetProperty("errors").GetProperty("OccurredOn")[0].GetString());
        Assert.Equal("Выберите один из вариантов списка.", problem.GetProperty("errors").GetProperty("CityCode")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task Scopes_AreTheSameAsOnThePages()
    {
        var author = await ClientAsync(StaffRoles.Outreach);
        var colleague = await ClientAsync(StaffRoles.Outreach);
        var lawyer = await ClientAsync(StaffRoles.Lawyer);
        var analyst = await ClientAsync(StaffRoles.Analyst);
        using var created = await PostAsync(author, "/api/v1/incidents", Raid());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(new Uri($"/api/v1/incidents/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(colleague, HttpMethod.Put, $"/api/v1/incidents/{id}", Raid())).StatusCode);
        Assert.Equal(0, (await colleague.GetFromJsonAsync<JsonElement>("/api/v1/incidents")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(lawyer, "/api/v1/incidents", Raid())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync(new Uri("/api/v1/incidents", UriKind.Relative))).StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Incidents.CountAsync()));
    }

    private Task<HttpClient> ClientAsync(StaffRoles roles) => StaffClient.TokenClientAsync(App, roles);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string? language = null) =>
        SendAsync(client, HttpMethod.Post, path, json, language);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string json, string? language = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return await client.SendAsync(request);
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : IncidentsApiTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : IncidentsApiTests(app);
}
