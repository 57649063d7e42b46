using System.Diagnostics;
using System.Net;
using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Tests.Incidents;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Web.Tests.Auditing;

/// <summary>
/// Audited reads (an incident opened: an audit entry only) and audited writes (a response recorded: its row
/// and its entry in one transaction) at the same time. Each takes the locks in the same order, so none waits
/// for another that waits for it: on SQLite such a wait would last the busy timeout (30 s) and then fail.
/// </summary>
public abstract class ConcurrentAuditTests(AmanatApp app) : IntegrationTest(app)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task ConcurrentAuditedReadsAndWrites_AllFinish_AndTheChainVerifies()
    {
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        var id = await Situations.RecordAsync(outreach, Situations.DocumentCheck(App.Today.AddDays(-3)));
        var before = await CountAsync();
        const int Rounds = 12;

        var watch = Stopwatch.StartNew();
        var work = Enumerable.Range(0, Rounds).SelectMany(_ => new[]
        {
            // The form is fetched first (an audited read), then posted (a write with its audit entry).
            Task.Run(async () =>
            {
                using var response = await outreach.PostFormAsync($"/staff/incidents/{id}", new() { ["Service.Code"] = "PSY" }, $"/staff/incidents/{id}?handler=Response");
                return response.StatusCode;
            }),
            Task.Run(async () =>
            {
                using var response = await outreach.Http.GetAsync(new Uri($"/staff/incidents/{id}", UriKind.Relative));
                return response.StatusCode;
            }),
        }).ToList();
        var all = Task.WhenAll(work);
        var finished = await Task.WhenAny(all, Task.Delay(Deadline));
        watch.Stop();

        Assert.True(finished == all, $"Not all requests finished within {Deadline.TotalSeconds} s: {work.Count(t => !t.IsCompleted)} still waiting.");
        var statuses = await all;
        Assert.Equal(Rounds, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(Rounds, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(before + (Rounds * 3), await CountAsync()); // per round: two reads and one response
        await using var scope = App.Services.CreateAsyncScope();
        var verification = await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
        Assert.True(verification.IsIntact, $"{verification.Break} at {verification.BrokenAt}");
    }

    private Task<int> CountAsync() => App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync());

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : ConcurrentAuditTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : ConcurrentAuditTests(app);
}
