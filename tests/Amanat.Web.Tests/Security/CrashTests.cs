using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net;
using System.Text.Json;
using System.Text;
using Amanat.Core.Community;
using Amanat.Core.SelfReports;
using Amanat.Web.Infrastructure;
using Amanat.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace Amanat.Web.Tests.Security;

/// <summary>
/// The crash test of the security design: the real server runs as a child process (key-file mode, so it
/// unseals itself at every start) while several writers send self-reports and incidents at once; it is
/// killed with SIGKILL in the middle of their writes, restarted on the same data, and so on for several
/// rounds. Every write the server acknowledged (2xx with its reference or id) is in the database after the
/// last restart, an incident still opens through the API, the server starts clean every time and the audit
/// chain stays intact.
/// </summary>
public abstract class CrashTests(DatabaseProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rounds = 10;
    private const int ReportWriters = 3;
    private const int IncidentWriters = 3;
    private const string Password = "correct horse battery staple";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "amanat-crash-" + Guid.NewGuid().ToString("N")[..12]);
    private PostgresDatabase? postgres;

    public async Task InitializeAsync()
    {
        // The schema migrated once for the test process (MigratedTemplate): every start, the first too, finds nothing pending.
        if (provider == DatabaseProvider.Postgres)
        {
            Directory.CreateDirectory(dataDirectory);
            postgres = await PostgresDatabase.CreateAsync(migrated: true);
        }
        else
        {
            await MigratedTemplate.CopySqliteIntoAsync(dataDirectory);
        }
    }

    public async Task DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task SigkillDuringConcurrentWrites_EveryAcknowledgedWriteIsThereAfterRestart()
    {
        var clock = Stopwatch.StartNew();
        var seed = System.Environment.TickCount;
        var random = new Random(seed);

        // A staff account with a personal API token, made by the same executable's commands.
        var (addCode, _, addError) = await RunCliAsync(Password, "users", "add", "crash-writer", "--roles", "outreach");
        Assert.True(addCode == 0, addError);
        var (tokenCode, tokenOutput, tokenError) = await RunCliAsync(null, "tokens", "create", "crash-writer", "--name", "crash test");
        Assert.True(tokenCode == 0, tokenError);
        var token = tokenOutput.Trim();

        var reports = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var incidents = new ConcurrentDictionary<Guid, byte>();
        var tally = new Tally();
        var startTimes = new List<TimeSpan>();
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromSeconds(60) };

        for (var round = 1; round <= Rounds; round++)
        {
            var started = Stopwatch.StartNew();
            var server = await ServerProcess.StartAsync(ServerEnvironment(), http, StartTimeout);
            startTimes.Add(started.Elapsed);
            var (reportsBefore, incidentsBefore) = (reports.Count, incidents.Count);
            try
            {
                var killed = new StrongBox();
                var writers = Enumerable.Range(0, ReportWriters).Select(i => WriteReportsAsync(http, server.BaseAddress, round, i, killed, reports, tally))
                    .Concat(Enumerable.Range(0, IncidentWriters).Select(i => WriteIncidentsAsync(http, server.BaseAddress, token, round, i, killed, incidents, tally)))
                    .ToList();
                // A fresh process is slow until its first writes are done; then the kill comes at a random moment.
                var warm = Stopwatch.StartNew();
                while ((reports.Count == reportsBefore || incidents.Count == incidentsBefore) && warm.Elapsed < TimeSpan.FromSeconds(20) && writers.All(w => !w.IsCompleted))
                {
                    await Task.Delay(20);
                }

                await Task.Delay(random.Next(300, 2_000));
                killed.Value = true;
                server.Kill();
                await Task.WhenAll(writers);
            }
            finally
            {
                await server.DisposeAsync();
            }

            tally.AddProblems(server.ProblemLines());
        }

        // The last start: clean, and everything acknowledged is there.
        var final = await ServerProcess.StartAsync(ServerEnvironment(), http, StartTimeout);
        int readable;
        try
        {
            readable = await ReadableIncidentsAsync(http, final.BaseAddress, token, incidents.Keys);
        }
        finally
        {
            await final.DisposeAsync();
        }

        tally.AddProblems(final.ProblemLines());

        var (storedReports, storedIncidents) = await StoredAsync();
        var foundReports = reports.Keys.Count(r => storedReports.Contains(Convert.ToHexString(ReadableCode.Hash(ReadableCode.Normalise(r)!, SelfReport.ReferencePurpose))));
        var foundIncidents = incidents.Keys.Count(storedIncidents.Contains);
        var (auditCode, auditOutput, auditError) = await RunCliAsync(null, "audit", "verify");
        clock.Stop();

        var line = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} crash test ({provider}): {Rounds} rounds of SIGKILL, {ReportWriters}+{IncidentWriters} writers; " +
            $"acknowledged self-reports {reports.Count}, found {foundReports} (stored {storedReports.Count}); " +
            $"acknowledged incidents {incidents.Count}, found {foundIncidents} (stored {storedIncidents.Count}, readable through the API {readable}); " +
            $"requests failed by the kill {tally.FailedByKill}; other answers {tally.OtherAnswers}; problems {tally.Problems.Count}; " +
            $"audit: {auditOutput.Trim()}; " +
            $"start to /health {startTimes.Average(t => t.TotalSeconds):F1} s on average; whole test {clock.Elapsed.TotalSeconds:F0} s; seed {seed}");
        output.WriteLine(line);
        foreach (var (status, count) in tally.Statuses.OrderBy(x => x.Key))
        {
            output.WriteLine($"  answers {status}: {count}");
        }

        foreach (var problem in tally.Problems.Take(20))
        {
            output.WriteLine("  problem: " + problem);
        }

        await File.AppendAllTextAsync(ResultsFile("crash-test-results.txt"), line + "\n");

        Assert.True(reports.Count + incidents.Count >= 100, $"only {reports.Count + incidents.Count} acknowledged writes");
        Assert.True(!reports.IsEmpty && !incidents.IsEmpty, line);
        Assert.Equal(reports.Count, foundReports);
        Assert.Equal(incidents.Count, foundIncidents);
        Assert.Equal(incidents.Count, readable);
        Assert.True(tally.FailedByKill > 0, "no request was in flight when the server was killed");
        Assert.Empty(tally.Problems);
        Assert.DoesNotContain(tally.Statuses.Keys, status => status >= 500);
        Assert.True(auditCode == 0, auditOutput + auditError);
    }

    /// <summary>Where the measured numbers are appended, one line per run: <c>AMANAT_TEST_RESULTS</c>, else the temporary folder.</summary>
    public static string ResultsFile(string name)
    {
        var folder = System.Environment.GetEnvironmentVariable("AMANAT_TEST_RESULTS") is { Length: > 0 } configured ? configured : Path.GetTempPath();
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private Dictionary<string, string?> ServerEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Amanat__DataDirectory"] = dataDirectory,
            ["Amanat__Database__Provider"] = provider.ToString(),
            // The writers all come from one address, far faster than any real community; the limits are per hour and in memory.
            ["Amanat__Community__ReportsPerAddressPerHour"] = "1000000",
            ["Amanat__Community__ReportsPerHour"] = "1000000",
        };
        if (postgres is not null)
        {
            environment["Amanat__Database__ConnectionString"] = postgres.ConnectionString;
        }

        return environment;
    }

    private static async Task WriteReportsAsync(HttpClient http, Uri server, int round, int writer, StrongBox killed, ConcurrentDictionary<string, byte> acknowledged, Tally tally)
    {
        for (var n = 0; !killed.Value; n++)
        {
            var body = $$"""{"what":["DETAINED","DOCUMENTS"],"who":"POL","cityCode":"ALA","story":"crash round {{round}} writer {{writer}} report {{n}}","consents":["STATS"]}""";
            var answer = await SendAsync(http, new Uri(server, "/api/v1/public/reports"), body, null, killed, tally);
            if (answer is null)
            {
                return;
            }

            if (Property(answer, "reference") is { Length: > 0 } reference)
            {
                acknowledged.TryAdd(reference, 0);
            }
        }
    }

    private static async Task WriteIncidentsAsync(HttpClient http, Uri server, string token, int round, int writer, StrongBox killed, ConcurrentDictionary<Guid, byte> acknowledged, Tally tally)
    {
        var day = DateTime.UtcNow.AddDays(-9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var n = 0; !killed.Value; n++)
        {
            var body = $$"""
                {
                  "occurredOn": "{{day}}", "cityCode": "AST", "placeCode": "SAUNA", "unnamedPeople": 2,
                  "violations": ["ST-SXC", "ST-DEP"],
                  "perpetrators": [{ "categoryCode": "POL", "badge": "KZ {{round}}-{{writer}}-{{n}}", "phones": "8 (701) 123-45-67" }],
                  "people": [{ "workingName": "Crash {{round}}-{{writer}}-{{n}}", "consents": { "ALERT": "Yes", "STATS": "Yes" } }],
                  "status": "NeedsFollowUp", "narrative": "crash round {{round}} writer {{writer}} incident {{n}}"
                }
                """;
            var answer = await SendAsync(http, new Uri(server, "/api/v1/incidents"), body, token, killed, tally);
            if (answer is null)
            {
                return;
            }

            if (Guid.TryParse(Property(answer, "id"), out var id))
            {
                acknowledged.TryAdd(id, 0);
            }
        }
    }

    /// <summary>One write: its answer's body when acknowledged (2xx), empty for another answer, null once the server is gone.</summary>
    private static async Task<string?> SendAsync(HttpClient http, Uri uri, string json, string? token, StrongBox killed, Tally tally)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            tally.Answer((int)response.StatusCode);
            return response.IsSuccessStatusCode ? text : string.Empty;
        }
        catch (Exception error) when (error is HttpRequestException or IOException or TaskCanceledException)
        {
            if (!killed.Value)
            {
                tally.AddProblems([$"a write failed while the server was up: {error.GetType().Name}: {error.Message}"]);
            }

            tally.KillFailure();
            return null;
        }
    }

    /// <summary>A string property of an acknowledged answer.</summary>
    private static string? Property(string body, string name)
    {
        if (body.Length == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }

    private static async Task<int> ReadableIncidentsAsync(HttpClient http, Uri server, string token, IEnumerable<Guid> ids)
    {
        var readable = 0;
        foreach (var id in ids)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, $"/api/v1/incidents/{id}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (document.RootElement.GetProperty("content").GetProperty("narrative").GetString() is { } narrative && narrative.StartsWith("crash round ", StringComparison.Ordinal))
            {
                readable++;
            }
        }

        return readable;
    }

    /// <summary>The self-reports' reference hashes and the incidents' ids, read with plain SQL after the server stopped.</summary>
    private async Task<(HashSet<string> Reports, HashSet<Guid> Incidents)> StoredAsync()
    {
        await using DbConnection connection = postgres is null
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, DatabaseSetup.SqliteFileName), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString())
            : new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        var reports = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"ReferenceHash\" FROM \"SelfReports\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                reports.Add(Convert.ToHexString((byte[])reader[0]));
            }
        }

        var incidents = new HashSet<Guid>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Id\" FROM \"Incidents\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                incidents.Add(reader.GetGuid(0));
            }
        }

        return (reports, incidents);
    }

    private Task<(int Code, string Output, string Error)> RunCliAsync(string? input, params string[] args) =>
        CliProcess.RunAsync(ServerEnvironment(), input, args);

    /// <summary>A flag the writers read while the test kills the server.</summary>
    private sealed class StrongBox
    {
        private volatile bool value;

        public bool Value
        {
            get => value;
            set => this.value = value;
        }
    }

    private sealed class Tally
    {
        private readonly ConcurrentQueue<string> problems = new();
        private int failedByKill;

        public ConcurrentDictionary<int, int> Statuses { get; } = new();

        public int FailedByKill => failedByKill;

        public int OtherAnswers => Statuses.Where(x => x.Key is < 200 or >= 300).Sum(x => x.Value);

        public IReadOnlyList<string> Problems => [.. problems];

        public void Answer(int status) => Statuses.AddOrUpdate(status, 1, (_, count) => count + 1);

        public void KillFailure() => Interlocked.Increment(ref failedByKill);

        public void AddProblems(IEnumerable<string> found)
        {
            foreach (var problem in found)
            {
                problems.Enqueue(problem);
            }
        }
    }

    /// <summary>The real server: <c>dotnet Amanat.Web.dll</c> on a free loopback port, its output kept.</summary>
    private sealed class ServerProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly ConcurrentQueue<string> lines = new();

        private ServerProcess(Process process, Uri baseAddress)
        {
            this.process = process;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string?> environment, HttpClient http, TimeSpan timeout)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Amanat.Web.dll"));
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            var server = new ServerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
            server.process.OutputDataReceived += (_, e) => server.Keep(e.Data);
            server.process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
            server.process.BeginOutputReadLine();
            server.process.BeginErrorReadLine();

            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < timeout)
            {
                if (server.process.HasExited)
                {
                    throw new Xunit.Sdk.XunitException($"The server exited with {server.process.ExitCode} at start:\n{string.Join('\n', server.lines)}");
                }

                try
                {
                    using var health = await http.GetAsync(new Uri(server.BaseAddress, "/health"));
                    if (health.StatusCode == HttpStatusCode.OK)
                    {
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                await Task.Delay(100);
            }

            server.Kill();
            throw new Xunit.Sdk.XunitException($"The server did not answer /health within {timeout}:\n{string.Join('\n', server.lines)}");
        }

        /// <summary>
        /// After the process has ended: lines that say its run was not clean (errors, critical failures, unhandled
        /// exceptions, a sealed start), or that it never said it had unsealed itself with the key file.
        /// </summary>
        public List<string> ProblemLines()
        {
            var all = lines.ToList();
            var problems = all.Where(l =>
                l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)
                || l.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase) || l.Contains("is sealed", StringComparison.Ordinal)).ToList();
            if (!all.Any(l => l.Contains("Unsealed with the key file.", StringComparison.Ordinal)))
            {
                problems.Add("the server did not say it unsealed itself with the key file:\n" + string.Join('\n', all));
            }

            return problems;
        }

        /// <summary>SIGKILL to the server and anything it started: no shutdown code runs.</summary>
        public void Kill()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        public async ValueTask DisposeAsync()
        {
            Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private void Keep(string? line)
        {
            if (line is not null)
            {
                lines.Enqueue(line);
            }
        }
    }

    /// <summary>SQLite: the database file and its write-ahead log in the data directory, as installed by default.</summary>
    public sealed class Sqlite(ITestOutputHelper output) : CrashTests(DatabaseProvider.Sqlite, output);

    /// <summary>PostgreSQL: the server process dies, the database server does not; a write acknowledged is committed.</summary>
    public sealed class Postgres(ITestOutputHelper output) : CrashTests(DatabaseProvider.Postgres, output);
}
