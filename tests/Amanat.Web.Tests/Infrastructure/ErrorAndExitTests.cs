using System.Net;
using System.Text.Json;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Infrastructure;

public abstract class ErrorAndExitTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Exit_RedirectsToTheNeutralSite()
    {
        using var response = await App.Client().GetAsync(new Uri("/exit?lang=kk", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AmanatApp.NeutralSite, response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Exit_FromAStaffSession_EndsItOnTheServer_AndTellsTheBrowserToClearTheSite()
    {
        var outreach = await StaffClient.SignInNewAsync(App, Amanat.Core.Staff.StaffRoles.Outreach);

        using var response = await outreach.Http.GetAsync(new Uri("/exit", UriKind.Relative));
        using var afterwards = await outreach.Http.GetAsync(new Uri("/staff/incidents", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AmanatApp.NeutralSite, response.Headers.Location?.ToString());
        Assert.Equal("\"cache\", \"cookies\", \"storage\"", string.Join(", ", response.Headers.GetValues("Clear-Site-Data")));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Amanat.Staff=;", StringComparison.Ordinal));
        var session = await App.WithDbAsync(db => db.StaffSessions.SingleAsync(s => s.UserId == outreach.User.Id));
        Assert.NotNull(session.EndedAtUtc);
        Assert.Equal(Amanat.Core.Staff.SessionEndReason.QuickExit, session.EndReason);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/staff/signin", afterwards.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_ShowsALocalizedPage_With404()
    {
        using var response = await App.Client().GetAsync(new Uri("/nothing-here?lang=kk", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Мұндай бет жоқ.", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"kk\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiPath_AnswersLocalizedProblemDetails()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nothing-here");
        request.Headers.Add("Accept-Language", "uz");

        using var response = await App.Client().SendAsync(request);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Bunday sahifa yoʻq.", problem.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/somewhere/else")]
    public async Task PostToAnUnknownPath_IsNotFound(string path)
    {
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");

        using var response = await App.Client().PostAsync(new Uri(path, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ServerBug_InTheApi_AnswersProblemDetailsWithoutDetail()
    {
        using var app = App.WithTestEndpoints();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/test-failure");
        request.Headers.Add("Accept-Language", "ru");

        using var response = await app.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("У нас что-то пошло не так. Попробуйте ещё раз.", problem.RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain(TestEndpoints.Canary, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerBug_OnAPage_ShowsALocalizedPageWithoutDetail()
    {
        using var app = App.WithTestEndpoints();

        using var response = await app.CreateClient().GetAsync(new Uri("/test-failure?lang=en", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong on our side. Please try again.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(TestEndpoints.Canary, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_IsPublished()
    {
        using var response = await App.Client().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/incidents", out var incidents));
        Assert.True(incidents.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/incidents/{id}", out var incident));
        Assert.True(incident.TryGetProperty("put", out _));

        // Examples: a request body, what comes back, and a refusal worded as the server words it.
        var post = incidents.GetProperty("post");
        var body = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("TAL", body.GetProperty("cityCode").GetString());
        Assert.Equal("NeedsFollowUp", body.GetProperty("status").GetString());
        var created = post.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("Гульнара", created.GetProperty("people")[0].GetProperty("workingName").GetString());
        var refused = post.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
        Assert.Equal("This date is in the future.", refused.GetProperty("errors").GetProperty("OccurredOn")[0].GetString());
        Assert.Equal(1, incidents.GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("total").GetInt32());

        // Attachments: the multipart form's fields, a created file, and the refusals with their reasons.
        var upload = paths.GetProperty("/api/v1/incidents/{id}/attachments").GetProperty("post");
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var form = schemas.GetProperty("AttachmentUpload").GetProperty("properties");
        Assert.Equal("#/components/schemas/IFormFile", form.GetProperty("file").GetProperty("$ref").GetString());
        Assert.Equal("binary", schemas.GetProperty("IFormFile").GetProperty("format").GetString());
        Assert.True(form.TryGetProperty("note", out _));
        Assert.Equal("image/jpeg", upload.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("type").GetString());
        var tooLarge = upload.GetProperty("responses").GetProperty("413").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
        Assert.StartsWith("The image is too large in pixels", tooLarge.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(413, tooLarge.GetProperty("status").GetInt32());
        Assert.True(upload.GetProperty("responses").TryGetProperty("415", out _));

        // Members: registration with its duplicate answer, the POST-only search, services.
        Assert.True(paths.GetProperty("/api/v1/members").GetProperty("post").GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(paths.GetProperty("/api/v1/members/find").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/members/{id}/services").TryGetProperty("post", out _));
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : ErrorAndExitTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : ErrorAndExitTests(app);
}
