using System.Net;
using Amanat.Core.Data;
using Amanat.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Amanat.Web.Tests.Support;

/// <summary>
/// The whole application on a real database (SQLite in a fresh data directory, or a fresh PostgreSQL
/// database on the server that ./test.sh starts), reached through HTTP.
/// </summary>
public class AmanatApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string NeutralSite = "http://neutral.test/weather";

    private readonly Dictionary<string, string?> settings;
    private readonly AmanatApp? storageOwner;
    private PostgresDatabase? postgres;
    private string? resetSql;

    public AmanatApp(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? extraSettings = null)
        : this(provider, extraSettings, storageOwner: null)
    {
    }

    private AmanatApp(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? extraSettings, AmanatApp? storageOwner)
    {
        Provider = provider;
        this.storageOwner = storageOwner;
        DataDirectory = storageOwner?.DataDirectory ?? Path.Combine(Path.GetTempPath(), "amanat-tests", Guid.NewGuid().ToString("N"));
        settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Amanat:DataDirectory"] = DataDirectory,
            ["Amanat:Database:Provider"] = provider.ToString(),
            ["Amanat:QuickExitUrl"] = NeutralSite,
            ["Amanat:Shelter:Beds"] = "2", // a small shelter, so that "full" can be reached
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    /// <summary>
    /// PBKDF2 rounds for the staff passwords the tests set: the tests create and sign in hundreds of accounts, and
    /// no test is about the hash's cost. The production default (Identity's, 100,000) is untouched; hashes made by
    /// the CLI, which runs as its own process, keep it, and still verify here.
    /// </summary>
    public const int TestPasswordHashIterations = 1_000;

    public DatabaseProvider Provider { get; }

    /// <summary>The settings as environment variables, for running the same executable's CLI.</summary>
    public IReadOnlyDictionary<string, string?> Environment =>
        settings.ToDictionary(x => x.Key.Replace(":", "__", StringComparison.Ordinal), x => x.Value);

    public string DataDirectory { get; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>The application's clock: starts at <see cref="TestClock.Start"/> and moves only when a test says so.</summary>
    public FakeTimeProvider Clock { get; } = new(TestClock.Start);

    /// <summary>Today as the application sees it: the clock's date where the centre is (Asia/Almaty).</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty")).DateTime);

    /// <summary>The same data directory and database in a new process-like host: a restart of the server.</summary>
    public AmanatApp Restarted() => new(Provider, settings, storageOwner: this);

    /// <summary>Stops the server but keeps its data directory and database, for <see cref="Restarted"/>.</summary>
    public Task StopAsync() => base.DisposeAsync().AsTask();

    public virtual async Task InitializeAsync()
    {
        // A fresh database starts as a copy of the schema migrated once for the whole test process (see MigratedTemplate).
        if (Provider == DatabaseProvider.Postgres && storageOwner is null && !settings.ContainsKey("Amanat:Database:ConnectionString"))
        {
            postgres = await PostgresDatabase.CreateAsync(migrated: true);
            settings["Amanat:Database:ConnectionString"] = postgres.ConnectionString;
        }
        else if (Provider == DatabaseProvider.Sqlite && storageOwner is null && settings.GetValueOrDefault("Amanat:Database:ConnectionString") is null)
        {
            await MigratedTemplate.CopySqliteIntoAsync(settings["Amanat:DataDirectory"]!);
        }

        // Start the host now, so that migrations run before the first test.
        _ = Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (storageOwner is not null)
        {
            return;
        }

        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    /// <summary>A client that does not follow redirects, so tests see them.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The model's tables, each after every table that refers to it, so that deleting in this order breaks no foreign key.</summary>
    private static List<string> DependentsFirst(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null).ToList();
        var order = new List<string>();
        while (types.Count > 0)
        {
            var free = types.Where(t => !types.Any(other => other.GetTableName() != t.GetTableName()
                && other.GetForeignKeys().Any(fk => fk.PrincipalEntityType.GetTableName() == t.GetTableName()))).ToList();
            if (free.Count == 0)
            {
                free = types; // a cycle: nothing left to order by
            }

            order.AddRange(free.Select(t => t.GetTableName()!).Where(n => !order.Contains(n)));
            types = [.. types.Except(free)];
        }

        return order;
    }

    /// <summary>
    /// Empties every table and the attachment files, and prepares the database as a first start would: one batch of
    /// deletes in one transaction, then <see cref="DatabaseSetup.SeedAsync"/>, what a first start adds to an empty
    /// database (the audit chain's head, the installation, the vocabulary seed). The migration step is left out: the schema was
    /// migrated when this server started and no test changes it, and the check alone costs more than the rest.
    /// </summary>
    public async Task ResetAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AmanatDbContext>();
            resetSql ??= string.Concat(DependentsFirst(db.Model).Select(table => $"DELETE FROM \"{table}\";\n"));
            await using var transaction = await db.Database.BeginTransactionAsync();
#pragma warning disable EF1002 // table names come from the model, not from input
            await db.Database.ExecuteSqlRawAsync(resetSql);
#pragma warning restore EF1002
            await DatabaseSetup.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), CancellationToken.None);
            await transaction.CommitAsync();
        }

        var attachments = Path.Combine(DataDirectory, "attachments");
        if (Directory.Exists(attachments))
        {
            Directory.Delete(attachments, recursive: true);
        }

        Services.GetRequiredService<Amanat.Web.Features.Statistics.FactCache>().Reset();
        Services.GetRequiredService<Amanat.Web.Features.Statistics.ActivityCounts>().Invalidate();
        Services.GetRequiredService<Amanat.Core.Security.SignInThrottle>().Clear();
        Logs.Clear();
    }

    public async Task<T> WithDbAsync<T>(Func<AmanatDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AmanatDbContext>());
    }

    /// <summary>The same application and database, with test endpoints and extra settings.</summary>
    public WebApplicationFactory<Program> WithTestEndpoints(IPAddress? remoteAddress = null, params (string Key, string Value)[] extraSettings) =>
        WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in extraSettings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddTransient<IStartupFilter>(_ => new TestEndpoints(remoteAddress)));
        });

    /// <summary>
    /// The SQLite files as someone copying the disk would get them. Copied by a separate process:
    /// opening and closing the files in this process would drop SQLite's POSIX locks held by the app.
    /// </summary>
    public async Task<IReadOnlyList<byte[]>> CopyDatabaseFilesAsync()
    {
        var copy = Directory.CreateTempSubdirectory("amanat-copy-");
        try
        {
            var files = Directory.GetFiles(DataDirectory, "amanat.db*");
            var start = new System.Diagnostics.ProcessStartInfo("cp") { UseShellExecute = false };
            foreach (var file in files)
            {
                start.ArgumentList.Add(file);
            }

            start.ArgumentList.Add(copy.FullName);
            using var process = System.Diagnostics.Process.Start(start)!;
            await process.WaitForExitAsync();
            return [.. copy.GetFiles().Select(f => File.ReadAllBytes(f.FullName))];
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    /// <summary>Runs plain SQL on the application's database, as someone with a copy of it would.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var scope = Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<AmanatDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL written by the tests themselves
        command.CommandText = sql;
#pragma warning restore CA2100
        return await command.ExecuteScalarAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = TestPasswordHashIterations);
        });
    }
}

public sealed class SqliteApp() : AmanatApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : AmanatApp(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "PostgreSQL";
}

/// <summary>Base of integration tests: the database is emptied before each test.</summary>
public abstract class IntegrationTest(AmanatApp app) : IAsyncLifetime
{
    protected AmanatApp App { get; } = app;

    public Task InitializeAsync() => App.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
