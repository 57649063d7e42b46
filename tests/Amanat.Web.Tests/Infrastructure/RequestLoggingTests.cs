using Amanat.Web.Infrastructure;
using Amanat.Web.Tests.Support;

namespace Amanat.Web.Tests.Infrastructure;

/// <summary>What a person sends must never reach a log, even with verbose logging switched on.</summary>
public sealed class RequestLoggingTests : IAsyncLifetime
{
    private const string Canary = "CANARY-query-77c1e0";

    private readonly AmanatApp app = new(DatabaseProvider.Sqlite, new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
    });

    public Task InitializeAsync() => ((IAsyncLifetime)app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task Requests_AreLoggedWithoutQueryStringsOrBodies()
    {
        using var client = app.Client();
        using (await client.GetAsync(new Uri($"/?lang=kk&q={Canary}", UriKind.Relative)))
        {
        }

        using (var body = new StringContent($"{{\"q\":\"{Canary}\"}}", System.Text.Encoding.UTF8, "application/json"))
        using (await client.PostAsync(new Uri($"/api/v1/nothing?phone={Canary}", UriKind.Relative), body))
        {
        }

        Assert.True(await app.Logs.WaitForAsync(line => line.Contains("GET / 200", StringComparison.Ordinal)));
        Assert.True(await app.Logs.WaitForAsync(line => line.Contains("POST /api/v1/nothing 404", StringComparison.Ordinal)), app.Logs.All);
        Assert.DoesNotContain(Canary, app.Logs.All, StringComparison.Ordinal);
    }
}
